import { Topics } from '@loanmesh/contracts';
import {
  createTestDatabase,
  KafkaTestClient,
  type ServiceProcess,
  startServiceProcess,
  terminateAndObserve,
  TEST_INFRA_ENV,
  type TestDatabase,
  uniqueId,
  waitFor,
  waitForStableGroups,
  waitUntilReady,
} from '@loanmesh/testing';

import { queryDb } from '../../apps/ingestion/src/testing/ingestion-process';
import { startGroupAtEnd } from '../../apps/ingestion/src/testing/ingestion-test.harness';
import { scoredEvent } from '../../apps/review/src/testing/scored-event.factory';

const PORT = 23012;
const FIRST = 1500;
const SECOND = 500;

/**
 * SIGTERM while scored applications flow into a real review process (real Kafka and
 * PostgreSQL): it drains and exits 0 within 10 s, readiness false first; restarted on the
 * same group, every application is decided once and its decision announced once.
 */
describe('review graceful shutdown', () => {
  const run = uniqueId('shut-rev');
  const client = new KafkaTestClient();
  let db: TestDatabase;
  let env: Record<string, string>;
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('review_t');
    const group = uniqueId('review-shutdown');
    await startGroupAtEnd(group, [Topics.applicationScored, Topics.applicationIncomplete, Topics.domainEvents]);
    env = {
      ...TEST_INFRA_ENV,
      DATABASE_URL: db.url,
      KAFKA_CLIENT_ID: group,
      KAFKA_GROUP_ID: group,
      KAFKA_FROM_BEGINNING: 'false',
      GRAPH_BASE_URL: 'http://127.0.0.1:9',
      INFERENCE_BASE_URL: 'http://127.0.0.1:9',
      INGESTION_BASE_URL: 'http://127.0.0.1:9',
      LOG_LEVEL: 'info',
    };
  }, 60000);

  afterAll(async () => {
    await service?.stop('SIGKILL');
    await client.close();
    await db?.drop();
  }, 30000);

  const start = async (): Promise<ServiceProcess> => {
    const s = startServiceProcess('review', PORT, env);
    await waitUntilReady(s, 120000);
    await waitForStableGroups(client.kafka, [env.KAFKA_GROUP_ID]);
    return s;
  };
  const count = async (sql: string): Promise<number> =>
    (await queryDb<{ n: number }>(db.url, sql).catch(() => [{ n: 0 }]))[0]?.n ?? 0;
  const decided = () => count(`SELECT count(*)::int AS n FROM review.decisions WHERE application_id LIKE '${run}%'`);
  const publish = async (from: number, n: number): Promise<void> => {
    for (let i = from; i < from + n; i += 250) {
      const events = Array.from({ length: Math.min(250, from + n - i) }, (_, j) =>
        scoredEvent({ applicationId: `${run}-${i + j}`, companyId: `${run}-co-${i + j}` }),
      );
      await client.produce(
        Topics.applicationScored,
        events.map((e) => ({ key: e.payload.application.companyId, value: JSON.stringify(e) })),
      );
    }
  };

  it('should drain, exit 0 within 10 s with readiness false first, and decide every application once after a restart when SIGTERM comes mid-stream', async () => {
    service = await start();
    await publish(0, FIRST);
    await waitFor(async () => ((await decided()) >= 50 ? true : undefined), 60000, 'decisions to flow');

    const atSignal = await decided();
    const [observed] = await Promise.all([terminateAndObserve(service), publish(FIRST, SECOND)]);

    expect(atSignal).toBeLessThan(FIRST);
    expect(observed).toMatchObject({ exitCode: 0, signal: null });
    expect(observed.ms).toBeLessThan(10000);
    expect(observed.readiness).toContain('503');
    // Not ready before the exit and never ready again. Whether a poll also lands between the
    // HTTP server closing and the exit ('refused') depends on a window shorter than the poll.
    expect(observed.readiness.slice(observed.readiness.indexOf('503'))).not.toContain('200');

    service = await start();
    const total = FIRST + SECOND;
    await waitFor(async () => ((await decided()) >= total ? true : undefined), 90000, `${total} decisions`);
    const announced = `SELECT count(*)::int AS n FROM review.outbox WHERE topic = '${Topics.decisionMade}'
      AND payload->'payload'->>'applicationId' LIKE '${run}%'`;
    await waitFor(
      async () => ((await count(`${announced} AND published_at IS NOT NULL`)) >= total ? true : undefined),
      30000,
      'decisions published',
    );

    expect(await decided()).toBe(total);
    expect(
      await count(
        `SELECT count(DISTINCT application_id)::int AS n FROM review.decisions WHERE application_id LIKE '${run}%'`,
      ),
    ).toBe(total);
    expect(await count(announced)).toBe(total);
    await service.stop();
  }, 240000);
});
