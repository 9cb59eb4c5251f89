import { apiDocsEnabledOf } from '@loanmesh/config';
import type { ApiDocsOptions } from '@loanmesh/observability';
import { serviceApiDocs } from '@loanmesh/service-auth';

import type { InferenceConfig } from '../config/inference.config';

/** The inference service's API: the model registry, maker/checker promotions, champion/challenger, replays. */
export const inferenceApiDocs = (config: InferenceConfig): ApiDocsOptions =>
  serviceApiDocs({
    title: 'LoanMesh inference',
    description:
      'The model registry, promotion requests (maker/checker), the champion/challenger comparison and ' +
      'pinned-model replays. Every route but the probes needs a service credential (docs/security.md).',
    enabled: apiDocsEnabledOf(config),
  });
