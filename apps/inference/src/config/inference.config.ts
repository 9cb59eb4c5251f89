import { httpConfig, kafkaConfig, databaseConfig } from '@loanmesh/config';
import type { loadConfig } from '@loanmesh/config';

/** Everything the inference service reads from its environment, validated once at boot. */
export const inferenceConfigShape = {
  ...httpConfig,
  ...kafkaConfig,
  ...databaseConfig,
};

export type InferenceConfig = ReturnType<typeof loadConfig<typeof inferenceConfigShape>>;
