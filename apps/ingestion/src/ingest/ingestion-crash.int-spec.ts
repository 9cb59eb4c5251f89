import type { ChildProcess } from 'node:child_process';

import { coreBankingKey, Topics } from '@loanmesh/contracts';
import { type CapturedRecord, KafkaTestClient, type TestDatabase, waitFor } from '@loanmesh/testing';

import { companyLife } from '../testing/core-banking-event.factory';
import { killAndWait, queryDb, spawnIngestion, storedCount } from '../testing/ingestion-process';
import { testEnvironment, waitForGroup } from '../testing/ingestion-test.harness';

describe('ingestion under kill -9 (real Kafka and PostgreSQL)', () => {
  jest.setTimeout(600_000);
  const kafka = new KafkaTestClient();
  let db: TestDatabase;
  let child: ChildProcess | undefined;

  afterAll(async () => {
    if (child) {
      await killAndWait(child, 'SIGKILL');
    }
    await kafka.close();
    await db?.drop();
  });

  it('should store every event exactly once and publish every domain event when killed mid-backlog and restarted', async () => {
    const t = await testEnvironment({ HTTP_PORT: '3197', INGESTION_CHUNK_SIZE: '200' });
    db = t.db;
    const prefix = `crash-${Date.now().toString(36)}`;
    const events = Array.from({ length: 2500 }, (_, i) => companyLife(`${prefix}-${i}`)).flat();
    const sent = new Set(events.map((e) => e.eventId));
    const domain: CapturedRecord[] = await kafka.capture([Topics.domainEvents]);
    for (let i = 0; i < events.length; i += 5000) {
      await kafka.produce(
        Topics.coreBankingEvents,
        events.slice(i, i + 5000).map((e) => ({ key: coreBankingKey(e), value: JSON.stringify(e) })),
      );
    }

    child = spawnIngestion(t.env);
    await waitFor(
      async () => ((await storedCount(db.url)) > events.length / 10 ? true : undefined),
      300_000,
      'a tenth stored',
    );
    await killAndWait(child, 'SIGKILL');
    const storedAtKill = await storedCount(db.url);
    child = spawnIngestion(t.env);
    await waitForGroup(t.env.KAFKA_GROUP_ID);
    await waitFor(
      async () => ((await storedCount(db.url)) >= events.length ? true : undefined),
      400_000,
      'every event stored',
    );
    await waitFor(
      async () => {
        const [row] = await queryDb<{ n: number }>(
          db.url,
          'SELECT count(*)::int AS n FROM ingestion.outbox WHERE published_at IS NULL',
        );
        return row?.n === 0 ? true : undefined;
      },
      120_000,
      'outbox drained',
    );

    expect(storedAtKill).toBeLessThan(events.length);
    const stored = await queryDb<{ event_id: string }>(db.url, 'SELECT event_id FROM ingestion.raw_events');
    expect(stored).toHaveLength(events.length);
    expect(new Set(stored.map((r) => r.event_id))).toEqual(sent);
    const [dups] = await queryDb<{ n: number }>(
      db.url,
      'SELECT count(*)::int AS n FROM ingestion.duplicate_deliveries',
    );
    expect(dups?.n).toBe(0);
    const causes = await waitFor(
      () => {
        const ids = new Set(
          domain
            .map((r) => (JSON.parse(r.value!.toString()) as { causationId?: string }).causationId)
            .filter((id): id is string => !!id && sent.has(id)),
        );
        return ids.size >= sent.size ? ids : undefined;
      },
      120_000,
      'a domain event for every event',
    );
    expect(causes).toEqual(sent);
  });
});
