import { loadConfig, testInfraConfig } from '@loanmesh/config';

const infra = loadConfig(testInfraConfig);

/** The tests' own broker (scripts/test-infra.sh), never the one a local stack uses. */
export const TEST_BROKERS: string[] = [`127.0.0.1:${infra.LOANMESH_TEST_KAFKA_PORT}`];

/** The tests' own Neo4j (scripts/test-infra.sh). */
export const TEST_NEO4J_PORT = infra.LOANMESH_TEST_NEO4J_PORT;
export const TEST_NEO4J_URL = `bolt://127.0.0.1:${TEST_NEO4J_PORT}`;

/** Environment for a service under test: the test infrastructure, never the local stack's. */
export const TEST_INFRA_ENV: Readonly<Record<string, string>> = {
  KAFKA_BROKERS: TEST_BROKERS.join(','),
  NEO4J_URL: TEST_NEO4J_URL,
};
