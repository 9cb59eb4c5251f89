import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import type { INestApplication } from '@nestjs/common';
import { type Message, Partitioners, type Producer } from 'kafkajs';
import { DataSource } from 'typeorm';

import { type CoreBankingEvent, coreBankingKey, Topics } from '@loanmesh/contracts';
import { type TestDatabase, testKafkaClient, uniqueId, waitFor } from '@loanmesh/testing';

import type { DeadLetterListing } from '../dead-letters/dead-letter-ledger.service';
import { getJson, startIngestion, testEnvironment } from '../testing/ingestion-test.harness';

const ROOT = join(__dirname, '../../../..');
const run = promisify(execFile);

/** The parts of the feed's `--summary` file this test checks. */
interface FeedSummary {
  backlog: { events: number; records: number };
  faults: {
    malformed: Record<
      'badJson' | 'missingField' | 'wrongType' | 'unknownType' | 'unknownVersion' | 'oversized',
      number
    >;
    duplicated: number;
    outOfOrder: number;
    late: number;
  };
}

interface Counts {
  stored: number;
  duplicates: number;
  deadLettered: number;
  parked: number;
}

/** Where each record we sent landed, so records other runs put on the shared topic are not counted. */
interface Positions {
  partitions: number[];
  offsets: string[];
}

describe('ingestion of a faulty feed, as a new user runs it (real Kafka and PostgreSQL)', () => {
  jest.setTimeout(600_000);
  const dir = mkdtempSync(join(tmpdir(), 'faulty-feed-'));
  const kafka = testKafkaClient(uniqueId('faulty-feed'));
  let producer: Producer | undefined;
  let db: TestDatabase;
  let app: INestApplication | undefined;

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should account for every record sent as stored, duplicate or dead-lettered and list the dead letters with reasons', async () => {
    await run(
      process.execPath,
      [
        join(ROOT, 'scripts/run-ts.cjs'),
        join(ROOT, 'apps/feed/src/main.ts'),
        '--scale',
        '0.02',
        '--faults',
        '0.05',
        '--count',
        '0',
        '--out',
        dir,
        '--summary',
        join(dir, 'summary.json'),
        '--no-progress',
      ],
      { cwd: ROOT, maxBuffer: 16 << 20 },
    );
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as FeedSummary;
    const lines = readFileSync(join(dir, 'backlog.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.length > 0);
    const t = await testEnvironment({ HTTP_PORT: '3196' });
    db = t.db;
    let url: string;
    ({ app, url } = await startIngestion(t.env));

    const positions = await publish(lines);
    const dataSource = app.get(DataSource);
    const counts = await waitFor(
      async () => {
        const c = await countsAt(dataSource, positions);
        return c.stored + c.duplicates + c.deadLettered === lines.length ? c : undefined;
      },
      300_000,
      'every record accounted for',
    );

    const malformed = summary.faults.malformed;
    expect(lines).toHaveLength(summary.backlog.records);
    expect(summary.faults.late + summary.faults.outOfOrder).toBeGreaterThan(0);
    expect(counts).toEqual({
      stored: summary.backlog.events,
      duplicates: summary.faults.duplicated,
      deadLettered: Object.values(malformed).reduce((a, b) => a + b, 0),
      parked: 0,
    });
    const listing = await getJson<DeadLetterListing>(`${url}/dead-letters?limit=1000`);
    const byCode = new Map(listing.byCode.map((c) => [c.code, c.count]));
    // Other runs may dead-letter on the shared topic too, so at least ours per code.
    expect(byCode.get('MALFORMED_JSON') ?? 0).toBeGreaterThanOrEqual(malformed.badJson);
    expect(byCode.get('SCHEMA_VIOLATION') ?? 0).toBeGreaterThanOrEqual(malformed.missingField + malformed.wrongType);
    expect(byCode.get('UNKNOWN_TYPE') ?? 0).toBeGreaterThanOrEqual(malformed.unknownType);
    expect(byCode.get('UNSUPPORTED_VERSION') ?? 0).toBeGreaterThanOrEqual(malformed.unknownVersion);
    expect(byCode.get('OVERSIZED') ?? 0).toBeGreaterThanOrEqual(malformed.oversized);
    expect(byCode.has('UNKNOWN_COMPANY')).toBe(false);
    expect(listing.items.length).toBeGreaterThanOrEqual(counts.deadLettered);
    expect(listing.items.every((i) => i.reason.length > 0 && i.topic === Topics.coreBankingEvents)).toBe(true);
  });

  /**
   * Publishes the file's records in order with a raw KafkaJS producer, one send at a time,
   * keyed as the feed keys them; a record that is not a valid event gets a fixed key. The
   * partition is chosen here, so each send's base offsets give every record's position.
   */
  async function publish(lines: readonly string[]): Promise<Positions> {
    producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const admin = kafka.admin();
    await admin.connect();
    const metadata = await admin.fetchTopicMetadata({ topics: [Topics.coreBankingEvents] });
    await admin.disconnect();
    const partitionMetadata = metadata.topics[0].partitions;
    const partitioner = Partitioners.DefaultPartitioner();
    const positions: Positions = { partitions: [], offsets: [] };
    for (let start = 0; start < lines.length; start += 2000) {
      const messages: Message[] = lines.slice(start, start + 2000).map((value) => {
        const key = keyOf(value);
        return {
          key,
          value,
          partition: partitioner({ topic: Topics.coreBankingEvents, partitionMetadata, message: { key, value } }),
        };
      });
      const sent = await producer.send({ topic: Topics.coreBankingEvents, acks: -1, messages });
      const next = new Map(sent.map((r) => [r.partition, BigInt(r.baseOffset ?? '0')]));
      for (const m of messages) {
        const offset = next.get(m.partition!)!;
        positions.partitions.push(m.partition!);
        positions.offsets.push(offset.toString());
        next.set(m.partition!, offset + 1n);
      }
    }
    return positions;
  }
});

/** A malformed record may have no key field, or one of the wrong type: it still needs a key. */
function keyOf(value: string): string {
  try {
    const key: unknown = coreBankingKey(JSON.parse(value) as CoreBankingEvent);
    return typeof key === 'string' ? key : 'malformed';
  } catch {
    return 'malformed';
  }
}

async function countsAt(dataSource: DataSource, p: Positions): Promise<Counts> {
  const mine = `SELECT * FROM unnest($1::int[], $2::bigint[]) AS m(kafka_partition, kafka_offset)`;
  const [row] = await dataSource.query<Counts[]>(
    `WITH mine AS (${mine})
    SELECT (SELECT count(*) FROM ingestion.raw_events r JOIN mine USING (kafka_partition, kafka_offset) WHERE r.topic = $3)::int AS stored,
      (SELECT count(*) FROM ingestion.duplicate_deliveries d JOIN mine USING (kafka_partition, kafka_offset) WHERE d.topic = $3)::int AS duplicates,
      (SELECT count(*) FROM ingestion.dead_letters l JOIN mine ON l.original_partition = mine.kafka_partition
        AND l.original_offset = mine.kafka_offset WHERE l.original_topic = $3)::int AS "deadLettered",
      (SELECT count(*) FROM ingestion.parked_applications)::int AS parked`,
    [p.partitions, p.offsets, Topics.coreBankingEvents],
  );
  return row;
}
