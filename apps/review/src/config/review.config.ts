import { httpConfig, kafkaConfig, databaseConfig } from '@loanmesh/config';
import type { loadConfig } from '@loanmesh/config';

/** Everything the review service reads from its environment, validated once at boot. */
export const reviewConfigShape = {
  ...httpConfig,
  ...kafkaConfig,
  ...databaseConfig,
};

export type ReviewConfig = ReturnType<typeof loadConfig<typeof reviewConfigShape>>;
