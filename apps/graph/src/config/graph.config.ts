import { httpConfig, kafkaConfig, neo4jConfig } from '@loanmesh/config';
import type { loadConfig } from '@loanmesh/config';

/** Everything the graph service reads from its environment, validated once at boot. */
export const graphConfigShape = {
  ...httpConfig,
  ...kafkaConfig,
  ...neo4jConfig,
};

export type GraphConfig = ReturnType<typeof loadConfig<typeof graphConfigShape>>;
