import { apiDocsEnabledOf } from '@loanmesh/config';
import type { ApiDocsOptions } from '@loanmesh/observability';
import { serviceApiDocs } from '@loanmesh/service-auth';

import type { GraphConfig } from '../config/graph.config';

/** The graph service's API: for the review service (and people through it), never the decision path. */
export const graphApiDocs = (config: GraphConfig): ApiDocsOptions =>
  serviceApiDocs({
    title: 'LoanMesh graph',
    description:
      'Graph features and the ego graph of an application as of its day, and the entity-resolution queue. ' +
      'Every route but the probes needs a service credential (docs/security.md).',
    enabled: apiDocsEnabledOf(config),
  });
