import { type CoreBankingEvent, coreBankingKey, CoreBankingEventTypes as T, Topics } from '@loanmesh/contracts';
import {
  KafkaTestClient,
  type ServiceProcess,
  startServiceProcess,
  terminateAndObserve,
  type TestDatabase,
  uniqueId,
  waitFor,
  waitForStableGroups,
  waitUntilReady,
} from '@loanmesh/testing';

import { companyPayload, coreBankingEvent } from '../../apps/ingestion/src/testing/core-banking-event.factory';
import { queryDb } from '../../apps/ingestion/src/testing/ingestion-process';
import { testEnvironment } from '../../apps/ingestion/src/testing/ingestion-test.harness';

const PORT = 23011;
const FIRST = 2000;
const SECOND = 1000;

/**
 * SIGTERM while core-banking records flow into a real ingestion process (real Kafka and
 * PostgreSQL): it drains and exits 0 within 10 s, readiness false first; restarted on the
 * same group, every record is stored once and announced once.
 */
describe('ingestion graceful shutdown', () => {
  const run = uniqueId('shut-ing');
  const client = new KafkaTestClient();
  let db: TestDatabase;
  let env: Record<string, string>;
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    ({ env, db } = await testEnvironment({ LOG_LEVEL: 'info' }));
  }, 60000);

  afterAll(async () => {
    await service?.stop('SIGKILL');
    await client.close();
    await db?.drop();
  }, 30000);

  const start = async (): Promise<ServiceProcess> => {
    const s = startServiceProcess('ingestion', PORT, env);
    await waitUntilReady(s, 120000);
    await waitForStableGroups(client.kafka, [env.KAFKA_GROUP_ID]);
    return s;
  };
  const count = async (sql: string): Promise<number> => (await queryDb<{ n: number }>(db.url, sql))[0]?.n ?? 0;
  const stored = () =>
    count(`SELECT count(*)::int AS n FROM ingestion.raw_events WHERE message_key LIKE '${run}%'`).catch(() => 0);
  const companies = (from: number, n: number): CoreBankingEvent[] =>
    Array.from({ length: n }, (_, i) => coreBankingEvent(T.companyRegistered, companyPayload(`${run}-${from + i}`)));
  const publish = async (events: CoreBankingEvent[]): Promise<void> => {
    for (let i = 0; i < events.length; i += 250) {
      await client.produce(
        Topics.coreBankingEvents,
        events.slice(i, i + 250).map((e) => ({ key: coreBankingKey(e), value: JSON.stringify(e) })),
      );
    }
  };

  it('should drain, exit 0 within 10 s with readiness false first, and store every record once after a restart when SIGTERM comes mid-stream', async () => {
    const announced = await client.capture([Topics.domainEvents]);
    service = await start();
    await publish(companies(0, FIRST));
    await waitFor(async () => ((await stored()) >= 100 ? true : undefined), 60000, 'records to flow');

    const atSignal = await stored();
    const [observed] = await Promise.all([terminateAndObserve(service), publish(companies(FIRST, SECOND))]);

    expect(atSignal).toBeLessThan(FIRST);
    expect(observed).toMatchObject({ exitCode: 0, signal: null });
    expect(observed.ms).toBeLessThan(10000);
    expect(observed.readiness).toContain('503');
    // Not ready before the exit and never ready again. Whether a poll also lands between the
    // HTTP server closing and the exit ('refused') depends on a window shorter than the poll.
    expect(observed.readiness.slice(observed.readiness.indexOf('503'))).not.toContain('200');

    service = await start();
    const total = FIRST + SECOND;
    await waitFor(async () => ((await stored()) === total ? true : undefined), 90000, `${total} records stored`);
    const ours = (topicKey: string | null) => topicKey?.startsWith(run) ?? false;
    await waitFor(() => (announced.filter((r) => ours(r.key)).length >= total ? true : undefined), 60000, 'announced');

    expect(
      await count(
        `SELECT count(DISTINCT event_id)::int AS n FROM ingestion.raw_events WHERE message_key LIKE '${run}%'`,
      ),
    ).toBe(total);
    expect(await count(`SELECT count(*)::int AS n FROM ingestion.companies WHERE company_id LIKE '${run}%'`)).toBe(
      total,
    );
    expect(
      await count(
        `SELECT count(*)::int AS n FROM ingestion.outbox WHERE message_key LIKE '${run}%' AND published_at IS NOT NULL`,
      ),
    ).toBe(total);
    const ids = announced
      .filter((r) => ours(r.key))
      .map((r) => (JSON.parse(String(r.value)) as { eventId: string }).eventId);
    expect(new Set(ids).size).toBe(total);
    await service.stop();
  }, 240000);
});
