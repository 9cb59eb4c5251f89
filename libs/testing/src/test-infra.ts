import { join, resolve } from 'node:path';

import { type KafkaConnection, loadConfig, plaintextKafkaConnection, testInfraConfig } from '@loanmesh/config';

const infra = loadConfig(testInfraConfig);

/** The tests' own broker (scripts/test-infra.sh), never the one a local stack uses. */
export const TEST_BROKERS: string[] = [`127.0.0.1:${infra.LOANMESH_TEST_KAFKA_PORT}`];

/** The test broker's PLAINTEXT listener: a super user (ANONYMOUS), for harnesses and fixtures. */
export const TEST_KAFKA: KafkaConnection = plaintextKafkaConnection(TEST_BROKERS);

/** The test broker's authenticated listener: SASL_SSL (SCRAM-SHA-512) at the Kafka port + 2. */
export const TEST_KAFKA_SASL_SSL_BROKERS: string[] = [`127.0.0.1:${infra.LOANMESH_TEST_KAFKA_PORT + 2}`];

const TEST_INFRA_DATA = infra.LOANMESH_TEST_INFRA_DATA ?? resolve(__dirname, '../../../infra/.data-test');

/** The local CA that signed the test broker's certificate (made by infra/infra.sh). */
export const TEST_KAFKA_CA_FILE = join(TEST_INFRA_DATA, 'kafka', 'security', 'ca.pem');

/** The public local password of a SCRAM user infra/infra.sh created (never valid in production). */
export function localKafkaPassword(user: string): string {
  return `local-dev-kafka-${user}`;
}

/** The tests' own Neo4j (scripts/test-infra.sh). */
export const TEST_NEO4J_PORT = infra.LOANMESH_TEST_NEO4J_PORT;
export const TEST_NEO4J_URL = `bolt://127.0.0.1:${TEST_NEO4J_PORT}`;

/** Environment for a service under test: the test infrastructure, never the local stack's. */
export const TEST_INFRA_ENV: Readonly<Record<string, string>> = {
  KAFKA_BROKERS: TEST_BROKERS.join(','),
  NEO4J_URL: TEST_NEO4J_URL,
};
