import type { INestApplication } from '@nestjs/common';

import { CoreBankingEventTypes as T, DEFAULT_PARTITIONS, Headers, Topics } from '@loanmesh/contracts';
import {
  DeadLetterOps,
  DeadLetterService,
  type DeadLetterTopology,
  KafkaProducerService,
  REPLAYED_FROM_HEADER,
  runDeadLettersCli,
} from '@loanmesh/kafka';
import { MetricsService } from '@loanmesh/observability';
import { TEST_BROKERS, TEST_KAFKA, type TestDatabase, testKafkaClient, uniqueId, waitFor } from '@loanmesh/testing';

import { companyPayload, coreBankingEvent } from '../../apps/ingestion/src/testing/core-banking-event.factory';
import { queryDb } from '../../apps/ingestion/src/testing/ingestion-process';
import { startIngestion, testEnvironment } from '../../apps/ingestion/src/testing/ingestion-test.harness';

/**
 * The dead-letter tool against real dead-letter topics (this suite's own, written by the
 * real DeadLetterService) and a real ingestion (PostgreSQL) consuming what it replays.
 */
describe('dead-letter tool', () => {
  const run = uniqueId('dlt');
  const kafka = testKafkaClient(run);
  const topic = (service: string) => `testing.${run}.${service}.dead-letter.v1`;
  const topology: DeadLetterTopology = {
    deadLetterTopics: {
      ingestion: topic('ingestion'),
      graph: topic('graph'),
      inference: topic('inference'),
      review: topic('review'),
    },
    ledgerTopic: `testing.${run}.dead-letter-replays.v1`,
  };
  const ops = new DeadLetterOps(kafka, topology);
  const producer = new KafkaProducerService(kafka);
  const deadLetters = new DeadLetterService(producer, new MetricsService(), {
    connection: TEST_KAFKA,
    clientId: run,
    deadLetterTopic: topology.deadLetterTopics.ingestion,
    topics: [],
  });
  const first = coreBankingEvent(T.companyRegistered, companyPayload(`${run}-a`));
  const second = coreBankingEvent(T.companyRegistered, companyPayload(`${run}-b`));
  let db: TestDatabase;
  let app: INestApplication;
  let group: string;
  const ids: Record<'first' | 'second' | 'garbage', string> = { first: '', second: '', garbage: '' };

  const deadLetter = async (value: Buffer, offset: string, code: string, reason: string): Promise<void> => {
    const key = Buffer.from(`${run}-key`);
    const headers = { [Headers.correlationId]: `corr-${run}`, [Headers.eventType]: 'company.registered' };
    await deadLetters.send(
      { topic: Topics.coreBankingEvents, partition: 2, offset, key, value, headers },
      code,
      reason,
    );
  };
  const storedTimes = async (eventId: string) =>
    (
      await queryDb<{ n: number }>(
        db.url,
        `SELECT count(*)::int AS n FROM ingestion.raw_events WHERE event_id = '${eventId}'`,
      )
    )[0]?.n ?? 0;
  /** Resolves once ingestion's group has committed past a replayed record (it was handled). */
  const handled = async (to: string) => {
    const [, partition, offset] = /:(\d+):(\d+)$/.exec(to) ?? [];
    const admin = kafka.admin();
    await admin.connect();
    try {
      await waitFor(
        async () => {
          const [entry] = await admin.fetchOffsets({ groupId: group, topics: [Topics.coreBankingEvents] });
          const committed = entry?.partitions.find((p) => p.partition === Number(partition));
          return Number(committed?.offset ?? -1) > Number(offset) ? true : undefined;
        },
        30000,
        `ingestion to handle ${to}`,
      );
    } finally {
      await admin.disconnect();
    }
  };

  beforeAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: Object.values(topology.deadLetterTopics).map((t) => ({ topic: t, numPartitions: DEFAULT_PARTITIONS })),
    });
    await admin.disconnect();
    let env: Record<string, string>;
    ({ env, db } = await testEnvironment());
    group = env.KAFKA_GROUP_ID;
    ({ app } = await startIngestion(env));
    await producer.onModuleInit();
    await deadLetter(
      Buffer.from(JSON.stringify(first)),
      '101',
      'SCHEMA_VIOLATION',
      `payload.region: required (${run})`,
    );
    await deadLetter(Buffer.from(JSON.stringify(second)), '102', 'SCHEMA_VIOLATION', 'payload.employees: too small');
    await deadLetter(Buffer.from('{"phone": "+44 20 7946 0018", broken'), '103', 'MALFORMED_JSON', 'not JSON');
    const listing = await ops.list('ingestion', { limit: 10 });
    const byOffset = (o: string) => listing.items.find((d) => d.original.offset === o)?.id ?? '';
    Object.assign(ids, { first: byOffset('101'), second: byOffset('102'), garbage: byOffset('103') });
  }, 120000);

  afterAll(async () => {
    await app?.close();
    await producer.onModuleDestroy();
    await db?.drop();
  }, 30000);

  it('should count by code and list the latest with their origin and event when listing a service', async () => {
    const listing = await ops.list('ingestion', { limit: 2 });

    expect(listing.total).toBe(3);
    expect(listing.byCode).toEqual([
      { code: 'SCHEMA_VIOLATION', count: 2 },
      { code: 'MALFORMED_JSON', count: 1 },
    ]);
    expect(listing.items.map((d) => d.original.offset)).toEqual(['103', '102']);
    expect(listing.items[1].id).toMatch(new RegExp(`^${topology.deadLetterTopics.ingestion}:\\d+:\\d+$`));
    expect(listing.items[1]).toMatchObject({
      original: { topic: Topics.coreBankingEvents, partition: 2, offset: '102' },
      eventId: second.eventId,
      eventType: 'company.registered',
    });
    expect((await ops.list('graph', { limit: 5 })).total).toBe(0);
  });

  it('should keep only the dead letters whose reason contains the text when filtering by reason', async () => {
    const listing = await ops.list('ingestion', { limit: 10, reason: run.toUpperCase() });

    expect(listing.items.map((d) => d.id)).toEqual([ids.first]);
    expect((await ops.list('ingestion', { limit: 10, code: 'MALFORMED_JSON' })).items.map((d) => d.id)).toEqual([
      ids.garbage,
    ]);
  });

  it('should print every header and a masked value when showing a dead letter', async () => {
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) };
    const env = { KAFKA_BROKERS: TEST_BROKERS.join(',') };

    expect(await runDeadLettersCli(['show', ids.garbage], io, env, topology)).toBe(0);
    expect(await runDeadLettersCli(['show', ids.first], io, env, topology)).toBe(0);
    const text = lines.join('\n');

    expect(text).toContain(`${Headers.deadLetterCode}: "MALFORMED_JSON"`);
    expect(text).toContain(`${Headers.originalOffset}: "103"`);
    expect(text).toContain(`${Headers.correlationId}: "corr-${run}"`);
    expect(text).toContain(`"registrationNumber": "REG-${run}-a"`);
    expect(text).not.toContain('7946 0018');
    expect(
      await runDeadLettersCli(['show', `${topology.deadLetterTopics.ingestion}:0:999999`], io, env, topology),
    ).toBe(1);
    expect(await runDeadLettersCli(['show', 'ingestion.dead-letter:0'], io, env, topology)).toBe(2);
    expect(lines.filter((l) => l.startsWith('ERR'))).toEqual([
      `ERR dead-letters: no dead letter ${topology.deadLetterTopics.ingestion}:0:999999 (deleted by retention, or never written)`,
      expect.stringContaining('ERR dead-letters: <id>: a dead-letter id is'),
    ]);
  });

  it('should store a replayed event once and report already replayed when the same dead letter is replayed twice', async () => {
    const once = await ops.replay({ id: ids.first }, { force: false, dryRun: false });
    expect(once).toMatchObject({ replayed: [{ id: ids.first }], skipped: [], failed: [] });
    await waitFor(async () => ((await storedTimes(first.eventId)) === 1 ? true : undefined), 30000, 'replayed event');

    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const env = { KAFKA_BROKERS: TEST_BROKERS.join(',') };
    expect(await runDeadLettersCli(['replay', ids.first], io, env, topology)).toBe(0);
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^skipped ${ids.first}: already replayed at .* \\(use --force to resend\\)$`)),
      'replayed: 0, skipped: 1, failed: 0',
    ]);

    const forced = await ops.replay({ id: ids.first }, { force: true, dryRun: false });
    expect(forced.replayed).toHaveLength(1);
    await handled(forced.replayed[0].to);
    expect(await storedTimes(first.eventId)).toBe(1);
    expect((await ops.show(ids.first)).replayed?.forced).toBe(true);
  }, 90000);

  it('should replay only what the code and reason select, and nothing on a dry run', async () => {
    const select = {
      service: 'ingestion' as const,
      filter: { code: 'SCHEMA_VIOLATION', reason: 'EMPLOYEES', limit: 10 },
    };

    const dry = await ops.replay(select, { force: false, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, replayed: [{ id: ids.second, to: Topics.coreBankingEvents }] });
    expect((await ops.show(ids.second)).replayed).toBeUndefined();

    const real = await ops.replay(select, { force: false, dryRun: false });
    expect(real.replayed.map((r) => r.id)).toEqual([ids.second]);
    await waitFor(async () => ((await storedTimes(second.eventId)) === 1 ? true : undefined), 30000, 'second event');
    await handled(real.replayed[0].to);
    expect(await storedTimes(second.eventId)).toBe(1);
    expect(await storedTimes(first.eventId)).toBe(1);
    expect(
      (await ops.list('ingestion', { limit: 10 })).items
        .filter((d) => d.replayed)
        .map((d) => d.id)
        .sort(),
    ).toEqual([ids.first, ids.second].sort());
  }, 90000);

  it('should send the original bytes and headers without the dead-letter ones, naming the dead letter', async () => {
    const captured: { headers: Record<string, string>; value: string }[] = [];
    const consumer = kafka.consumer({ groupId: uniqueId('dlt-capture'), maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topics: [Topics.coreBankingEvents], fromBeginning: false });
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        if (headers[REPLAYED_FROM_HEADER] === ids.garbage) {
          captured.push({ headers, value: String(message.value) });
        }
        await Promise.resolve();
      },
    });
    try {
      await waitFor(() => (joined ? true : undefined), 30000, 'capture consumer');
      const summary = await ops.replay({ id: ids.garbage }, { force: false, dryRun: false });
      expect(summary.replayed).toHaveLength(1);
      await waitFor(() => (captured.length > 0 ? true : undefined), 30000, 'replayed record');
    } finally {
      await consumer.disconnect();
    }

    expect(captured[0].value).toBe('{"phone": "+44 20 7946 0018", broken');
    expect(captured[0].headers).toEqual({
      [Headers.correlationId]: `corr-${run}`,
      [Headers.eventType]: 'company.registered',
      [REPLAYED_FROM_HEADER]: ids.garbage,
    });
  }, 90000);
});
