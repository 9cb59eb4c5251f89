import { httpConfig, kafkaConfig, databaseConfig, piiConfig } from '@loanmesh/config';
import type { loadConfig } from '@loanmesh/config';

/** Everything the ingestion service reads from its environment, validated once at boot. */
export const ingestionConfigShape = {
  ...httpConfig,
  ...kafkaConfig,
  ...databaseConfig,
  ...piiConfig,
};

export type IngestionConfig = ReturnType<typeof loadConfig<typeof ingestionConfigShape>>;
