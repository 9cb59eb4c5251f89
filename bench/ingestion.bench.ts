import { cpus, loadavg } from 'node:os';

import { type Kafka, logLevel } from 'kafkajs';

import { plaintextKafkaConnection } from '@loanmesh/config';
import { Topics } from '@loanmesh/contracts';
import { createKafkaClient } from '@loanmesh/kafka';

import { FeedRunnerService } from '../apps/feed/src/feed/feed-runner.service';
import { KafkaEventSink } from '../apps/feed/src/publishing/kafka-event.sink';
import { killAndWait, queryDb, rssMiB, spawnIngestion } from '../apps/ingestion/src/testing/ingestion-process';
import { testEnvironment, waitForGroup } from '../apps/ingestion/src/testing/ingestion-test.harness';

import { type BenchMetric, writeBenchResult } from './bench-result';

const BROKERS = ['127.0.0.1:9092'];
/** No progress for this long means ingestion is stuck: the benchmark fails instead of hanging. */
const STALL_MS = 180_000;
const TIMEOUT_MS = 60 * 60_000;

interface Accounted {
  stored: number;
  duplicates: number;
  deadLettered: number;
}

/**
 * Publishes the default world's backlog (seed 42, scale 1; INGESTION_BENCH_SCALE for a quick
 * run) to Kafka, then starts the real ingestion service on a fresh database with a group
 * positioned before the backlog, and times it until stored + duplicates + dead-lettered
 * equals the records sent (raw + state + inbox + outbox, one transaction per chunk). "Sent"
 * is the records between the group's start offsets and the end offsets after publishing, and
 * only records in that window are counted: the topic is shared, so other runs' records inside
 * it count (they were sent), and those published after it do not.
 * Peak RSS is the service process's, sampled every 200 ms.
 */
export async function run(): Promise<Record<string, BenchMetric>> {
  const scale = Number(process.env.INGESTION_BENCH_SCALE ?? '1');
  const { env, db } = await testEnvironment({ HTTP_PORT: '3191', LOG_LEVEL: 'warn' });
  const start = await groupOffsets(env.KAFKA_GROUP_ID);
  const sink = new KafkaEventSink(plaintextKafkaConnection(BROKERS));
  const feed = new FeedRunnerService(
    {
      seed: 42,
      scale,
      brokers: BROKERS,
      backlog: true,
      rate: 1,
      count: 0,
      liveRun: 0,
      faults: 0,
      batchSize: 4000,
      progress: false,
    },
    sink,
    () => undefined,
  );
  const backlogEvents = (await feed.run()).backlog.events;
  const window = windowOf(start, await endOffsets());
  const sent = window.ends.reduce((s, end, i) => s + end - window.starts[i], 0);
  const child = spawnIngestion(env, serviceNodeArgs());
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(child.pid ?? 0))), 200);
  try {
    await waitForGroup(env.KAFKA_GROUP_ID);
    const started = Date.now();
    const [loadAtStart] = loadavg();
    const final = await waitUntilAccounted(db.url, window, sent, () => child.exitCode);
    const seconds = (Date.now() - started) / 1000;
    await waitUntilRelayed(db.url);
    const relayLagSeconds = (Date.now() - started) / 1000 - seconds;
    const metrics: Record<string, BenchMetric> = {
      eventsPerSecond: { value: Math.round(sent / seconds), unit: 'events/s', target: 5000, better: 'higher' },
      peakRssMiB: { value: Math.round(peak), unit: 'MiB', target: 300, better: 'lower' },
      backlogEvents: { value: backlogEvents, unit: 'events', target: 400_000, better: 'higher' },
      // How long the outbox relay needed after the last event was stored to publish everything.
      relayLagSeconds: { value: Math.round(relayLagSeconds * 10) / 10, unit: 's', target: 5, better: 'lower' },
      // The machine is shared: the 1-minute load average when timing began, against its core count.
      loadAverage1m: {
        value: Math.round(loadAtStart * 100) / 100,
        unit: 'load',
        target: cpus().length,
        better: 'lower',
      },
    };
    if (scale === 1 && !process.env.INGESTION_BENCH_NODE_ARGS) {
      writeBenchResult('ingestion', metrics);
    }
    console.log(JSON.stringify({ scale, sent, seconds, ...final, metrics }, null, 2));
    return metrics;
  } finally {
    clearInterval(sampler);
    await killAndWait(child, 'SIGTERM');
    await db.drop();
  }
}

/**
 * Node flags of the service: none by default (what `npm run start:ingestion` uses).
 * INGESTION_BENCH_CPU_PROF=<dir> writes a CPU profile on exit; INGESTION_BENCH_NODE_ARGS adds
 * flags for experiments (e.g. a heap limit), and the results file is then not written.
 */
function serviceNodeArgs(): string[] {
  const profile = process.env.INGESTION_BENCH_CPU_PROF;
  const extra = process.env.INGESTION_BENCH_NODE_ARGS?.split(' ').filter((a) => a.length > 0) ?? [];
  return [...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []), ...extra];
}

async function waitUntilAccounted(
  url: string,
  window: OffsetWindow,
  sent: number,
  exitCode: () => number | null,
): Promise<Accounted> {
  const began = Date.now();
  let last = -1;
  let lastProgress = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const now = await accounted(url, window);
    const total = now.stored + now.duplicates + now.deadLettered;
    if (total === sent) {
      return now;
    }
    if (total > sent) {
      throw new Error(`accounted ${total} > sent ${sent} within the window: ${JSON.stringify(now)}`);
    }
    if (exitCode() !== null) {
      throw new Error(`ingestion exited with ${exitCode()} at ${total}/${sent}`);
    }
    if (total !== last) {
      [last, lastProgress] = [total, Date.now()];
    }
    if (Date.now() - lastProgress > STALL_MS || Date.now() - began > TIMEOUT_MS) {
      throw new Error(`ingestion stalled at ${total}/${sent}: ${JSON.stringify(now)}`);
    }
  }
}

async function waitUntilRelayed(url: string): Promise<void> {
  const began = Date.now();
  for (;;) {
    const [row] = await queryDb<{ n: number }>(
      url,
      'SELECT count(*)::int AS n FROM ingestion.outbox WHERE published_at IS NULL',
    );
    if (row?.n === 0) {
      return;
    }
    if (Date.now() - began > STALL_MS) {
      throw new Error(`outbox relay stalled with ${row?.n} rows unpublished`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Only records inside the window count: others may publish to the shared topic after it. */
async function accounted(url: string, w: OffsetWindow): Promise<Accounted> {
  const inWindow = (partition: string, offset: string): string =>
    `EXISTS (SELECT 1 FROM unnest('{${w.partitions.join(',')}}'::int[], '{${w.starts.join(',')}}'::bigint[],
      '{${w.ends.join(',')}}'::bigint[]) AS w(p, s, e) WHERE ${partition} = w.p AND ${offset} >= w.s AND ${offset} < w.e)`;
  const topic = `'${Topics.coreBankingEvents}'`;
  const sql = `SELECT
    (SELECT count(*) FROM ingestion.raw_events WHERE topic = ${topic} AND ${inWindow('kafka_partition', 'kafka_offset')})::int AS stored,
    (SELECT count(*) FROM ingestion.duplicate_deliveries WHERE topic = ${topic} AND ${inWindow('kafka_partition', 'kafka_offset')})::int AS duplicates,
    (SELECT count(*) FROM ingestion.dead_letters WHERE original_topic = ${topic}
      AND ${inWindow('original_partition', 'original_offset')})::int AS "deadLettered"`;
  const rows = await queryDb<Accounted>(url, sql).catch(() => [{ stored: 0, duplicates: 0, deadLettered: 0 }]);
  return rows[0];
}

function admin(): ReturnType<Kafka['admin']> {
  return createKafkaClient(plaintextKafkaConnection(BROKERS), 'ingestion-bench', {
    logLevel: logLevel.NOTHING,
  }).admin();
}

async function groupOffsets(groupId: string): Promise<Map<number, number>> {
  const a = admin();
  await a.connect();
  try {
    const [topic] = await a.fetchOffsets({ groupId, topics: [Topics.coreBankingEvents] });
    return new Map(topic.partitions.map((p) => [p.partition, Number(p.offset)]));
  } finally {
    await a.disconnect();
  }
}

async function endOffsets(): Promise<Map<number, number>> {
  const a = admin();
  await a.connect();
  try {
    const offsets = await a.fetchTopicOffsets(Topics.coreBankingEvents);
    return new Map(offsets.map((o) => [o.partition, Number(o.high)]));
  } finally {
    await a.disconnect();
  }
}

/** Offsets [start, end) per partition of the records this run sent (numbers only, so safe in SQL text). */
interface OffsetWindow {
  partitions: number[];
  starts: number[];
  ends: number[];
}

function windowOf(start: ReadonlyMap<number, number>, end: ReadonlyMap<number, number>): OffsetWindow {
  const partitions = [...end.keys()].sort((a, b) => a - b);
  return {
    partitions,
    starts: partitions.map((p) => Math.max(0, start.get(p) ?? 0)),
    ends: partitions.map((p) => end.get(p)!),
  };
}

if (require.main === module || process.argv[1]?.endsWith('ingestion.bench.ts')) {
  run().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
