import { apiDocsEnabledOf } from '@loanmesh/config';
import type { ApiDocsOptions } from '@loanmesh/observability';
import { serviceApiDocs } from '@loanmesh/service-auth';

import type { IngestionConfig } from '../config/ingestion.config';

/** The ingestion service's API: read-only views; applications arrive on Kafka, not over HTTP. */
export const ingestionApiDocs = (config: IngestionConfig): ApiDocsOptions =>
  serviceApiDocs({
    title: 'LoanMesh ingestion',
    description:
      'Read-only views of ingestion: statistics, its side of the application accounting, parked ' +
      'applications and dead letters. Applications are submitted as core-banking events on Kafka ' +
      '(`corebanking.events.v1`), not over HTTP. Every route but the probes needs a service credential.',
    enabled: apiDocsEnabledOf(config),
  });
