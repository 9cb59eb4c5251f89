import { ConfigValidationError, loadConfig } from '@loanmesh/config';

import { kafkaProvisionConfigShape } from './kafka-provision.config';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(kafkaProvisionConfigShape, { KAFKA_BROKERS: '127.0.0.1:9092', ...env });
  } catch (e) {
    if (e instanceof ConfigValidationError) {
      return e.problems;
    }
    throw e;
  }
  return [];
};

describe('kafkaProvisionConfigShape', () => {
  it('should default to one replica locally and accept it', () => {
    const config = loadConfig(kafkaProvisionConfigShape, { KAFKA_BROKERS: '127.0.0.1:9092' });
    expect(config).toMatchObject({
      KAFKA_PARTITIONS: 6,
      KAFKA_REPLICATION_FACTOR: 1,
      KAFKA_MIN_INSYNC_REPLICAS: 1,
      KAFKA_AUDIT_RETENTION_MS: -1,
      KAFKA_PROVISION_ACLS: false,
    });
  });

  it('should refuse more in-sync replicas than replicas', () => {
    expect(problemsOf({ KAFKA_REPLICATION_FACTOR: '2', KAFKA_MIN_INSYNC_REPLICAS: '3' })).toEqual([
      'KAFKA_MIN_INSYNC_REPLICAS=3 exceeds KAFKA_REPLICATION_FACTOR=2: no write could succeed',
    ]);
  });

  it('should refuse fewer than 3 replicas or 2 in sync in production', () => {
    const production = { NODE_ENV: 'production', KAFKA_ALLOW_PLAINTEXT_IN_PRODUCTION: 'true' };
    expect(problemsOf({ ...production, KAFKA_REPLICATION_FACTOR: '3', KAFKA_MIN_INSYNC_REPLICAS: '1' })).toEqual([
      'KAFKA_REPLICATION_FACTOR=3 with KAFKA_MIN_INSYNC_REPLICAS=1 is refused in production (at least 3 and 2)',
    ]);
    expect(problemsOf({ ...production, KAFKA_REPLICATION_FACTOR: '3', KAFKA_MIN_INSYNC_REPLICAS: '2' })).toEqual([]);
  });
});
