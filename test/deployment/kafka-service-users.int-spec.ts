import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  createTestDatabase,
  localKafkaPassword,
  startServiceProcess,
  TEST_INFRA_ENV,
  TEST_KAFKA_CA_FILE,
  TEST_KAFKA_SASL_SSL_BROKERS,
  type TestDatabase,
  uniqueId,
  waitUntilReady,
} from '@loanmesh/testing';

jest.setTimeout(180_000);

const LOGS = join(__dirname, '..', '..', 'test-results', 'services');

/**
 * The real inference process on the broker's SASL_SSL listener: with its own SCRAM user it
 * boots (its ACLs cover its topics and group); with review's user it cannot even see its
 * topics and refuses to boot, naming them.
 */
describe('a service on SASL_SSL with a per-service SCRAM user (real process, real broker)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('kafka_users_t');
  });

  afterAll(async () => {
    await db?.drop();
  });

  const boot = async (user: string, port: number): Promise<{ started: boolean; log: string }> => {
    const logFile = join(LOGS, `inference-as-${user}-${Date.now()}.log`);
    const group = uniqueId('inference-sasl');
    const service = startServiceProcess(
      'inference',
      port,
      {
        ...TEST_INFRA_ENV,
        KAFKA_BROKERS: TEST_KAFKA_SASL_SSL_BROKERS.join(','),
        KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
        KAFKA_SSL_CA_FILE: TEST_KAFKA_CA_FILE,
        KAFKA_SASL_USERNAME: user,
        KAFKA_SASL_PASSWORD: localKafkaPassword(user),
        KAFKA_CLIENT_ID: group,
        KAFKA_GROUP_ID: group,
        KAFKA_FROM_BEGINNING: 'false',
        DATABASE_URL: db.url,
        LOG_LEVEL: 'warn',
      },
      256,
      logFile,
    );
    const started = await waitUntilReady(service, 120_000).then(
      () => true,
      () => false,
    );
    await service.stop();
    return { started, log: readFileSync(logFile, 'utf8') };
  };

  it('should boot inference with its own SCRAM user over TLS', async () => {
    const { started, log } = await boot('inference', 4195);
    expect({ started, missing: log.includes('KAFKA_TOPICS_MISSING') }).toEqual({ started: true, missing: false });
  });

  it("should refuse to boot inference with review's user, naming the topics that user may not see", async () => {
    const { started, log } = await boot('review', 4196);
    expect(started).toBe(false);
    expect(log).toContain(
      'KAFKA_TOPICS_MISSING: the broker has no topic graph.features-computed.v1, inference.dead-letter.v1',
    );
  });
});
