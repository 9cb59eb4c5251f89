import type { Kafka } from 'kafkajs';

import { DEFAULT_PARTITIONS } from '@loanmesh/contracts';
import { testKafkaClient, uniqueId } from '@loanmesh/testing';
import { SeededRandom } from '@loanmesh/world';

import { account, type ConsumerBooks, readIngestionPositions } from './accounting';
import { coreBankingBase, downstreamBases } from './base-events';
import { type CanaryResult, checkCanaries, sendCanaries } from './canary';
import { exitOf, LivenessWatch, logCounts, type ServiceHealth } from './consumer-health';
import { FuzzProducer } from './fuzz-producer';
import type { SentRecord } from './fuzz-record';
import { FuzzStack } from './fuzz-stack';
import { mismatches, type MutatorTally, tallyByMutator } from './mutator-tally';
import { generateRecords, seededIds } from './record.generator';
import { scrapeMetrics } from './service-metrics';
import { SERVICES, TopicObserver } from './topic-observer';
import { groupLag, highWatermarks } from './topic-window';

export interface FuzzRunOptions {
  seed: number;
  records: number;
  downstreamRecords: number;
  stallMs: number;
  timeoutMs: number;
  httpPort: number;
  dbPrefix: string;
  canaryTimeoutMs?: number;
  log?: (line: string) => void;
  /** Ends the wait early (Ctrl-C): what is not accounted by then is reported, and everything is stopped. */
  signal?: AbortSignal;
}

export interface FuzzRunResult {
  seed: number;
  books: ConsumerBooks[];
  lags: { service: string; topic: string; lag: number }[];
  health: ServiceHealth[];
  canaries: CanaryResult[];
  byMutator: MutatorTally[];
  mismatches: ReturnType<typeof mismatches>;
  refusedByBroker: number;
  sendSeconds: number;
  settleSeconds: number;
  settled: boolean;
  logs: Record<string, string>;
}

/**
 * One fuzz run against the four services as real processes: send the mutated records, wait
 * (bounded) until every consumer's books balance or stop moving, then send a canary per
 * partition and check the consumers still take valid records. Stops what it started.
 */
export async function runFuzz(o: FuzzRunOptions): Promise<FuzzRunResult> {
  const log = o.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const run = uniqueId('fuzz');
  const kafka = testKafkaClient(run);
  const ports = { ingestion: o.httpPort, graph: o.httpPort + 1, inference: o.httpPort + 2, review: o.httpPort + 3 };
  const stack = new FuzzStack(kafka, run, ports);
  const observer = new TopicObserver(kafka, `${run}-observer`);
  const rng = new SeededRandom(o.seed, 31);
  const producer = new FuzzProducer(kafka, new SeededRandom(o.seed, 37));
  const watch = new LivenessWatch(stack.services);
  try {
    log(`[fuzz] seed ${o.seed}: starting ingestion, graph, inference and review (run ${run})`);
    await stack.start(o.dbPrefix);
    await observer.start();
    watch.start();
    await producer.connect([...new Set(stack.consumers.map((c) => c.topic))]);
    const sendStarted = Date.now();
    const ids = seededIds(o.seed);
    const core = await producer.send(generateRecords(coreBankingBase(o.seed, o.records), o.records, rng, ids));
    const downstream = { sent: [] as SentRecord[], refused: core.refused };
    for (const base of downstreamBases(o.seed, rng)) {
      await producer.send(generateRecords(base, o.downstreamRecords, rng, ids), downstream);
    }
    const sendSeconds = (Date.now() - sendStarted) / 1000;
    log(
      `[fuzz] sent ${core.sent.length + downstream.sent.length} records in ${sendSeconds.toFixed(1)} s (${core.refused.length} refused by the broker)`,
    );

    const settle = await waitForBooks(kafka, stack, observer, o, log);
    const settleSeconds = (Date.now() - sendStarted) / 1000;
    const positions = stack.db ? await readIngestionPositions(stack.db.url) : undefined;
    const lags = await lagsOf(kafka, stack);
    watch.stop();
    const canaries = await sendCanaries(producer, o.seed, DEFAULT_PARTITIONS, [
      ...new Set(stack.consumers.map((c) => c.topic)),
    ]);
    const canaryResults = await checkCanaries(kafka, stack.consumers, canaries, observer, o.canaryTimeoutMs ?? 120_000);
    const health = SERVICES.map((s) => ({
      service: s,
      liveFailures: watch.failures.get(s) ?? 0,
      liveUnanswered: watch.unanswered.get(s) ?? 0,
      exited: exitOf(stack.services.get(s)!),
      ...logCounts(stack.logFile(s)),
    }));
    return {
      seed: o.seed,
      books: settle.books,
      lags,
      health,
      canaries: canaryResults,
      byMutator: tallyByMutator(core.sent, positions, observer),
      mismatches: mismatches(core.sent, positions, observer),
      refusedByBroker: downstream.refused.length,
      sendSeconds,
      settleSeconds,
      settled: settle.settled,
      logs: Object.fromEntries(SERVICES.map((s) => [s, stack.logFile(s)])),
    };
  } finally {
    watch.stop();
    await producer.disconnect().catch(() => undefined);
    await observer.stop().catch(() => undefined);
    await stack.stop();
  }
}

/** The books of every consumer now (the topics' ends are read first, so sent only grows). */
async function booksNow(kafka: Kafka, stack: FuzzStack, observer: TopicObserver): Promise<ConsumerBooks[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const w of stack.windows.values()) {
      w.end = await highWatermarks(admin, w.topic);
    }
  } finally {
    await admin.disconnect();
  }
  const metrics = new Map(
    await Promise.all(SERVICES.map(async (s) => [s, await scrapeMetrics(stack.url(s), s)] as const)),
  );
  const ingestion = stack.db ? await readIngestionPositions(stack.db.url) : undefined;
  return stack.consumers.map((spec) =>
    account({ spec, window: stack.windows.get(spec.topic)!, observer, metrics: metrics.get(spec.service), ingestion }),
  );
}

/** Polls the books until they balance with no lag, stop moving for `stallMs`, or `timeoutMs` passes. */
async function waitForBooks(
  kafka: Kafka,
  stack: FuzzStack,
  observer: TopicObserver,
  o: FuzzRunOptions,
  log: (line: string) => void,
): Promise<{ books: ConsumerBooks[]; settled: boolean }> {
  const began = Date.now();
  // Progress is fewer records missing; a retry loop that re-counts redelivered records is not.
  let fewestMissing = Number.POSITIVE_INFINITY;
  let lastChange = Date.now();
  let lastLog = 0;
  for (;;) {
    const books = await booksNow(kafka, stack, observer);
    const missing = books.reduce((n, b) => n + Math.max(0, b.unaccounted), 0);
    if (missing < fewestMissing) {
      [fewestMissing, lastChange] = [missing, Date.now()];
    }
    const balanced = books.every((b) => b.unaccounted === 0) && (await lagsOf(kafka, stack)).every((l) => l.lag === 0);
    if (Date.now() - lastLog > 15_000) {
      lastLog = Date.now();
      log(
        `[fuzz] ${Math.round((Date.now() - began) / 1000)} s: unaccounted ${books.map((b) => `${b.service}/${b.topic}=${b.unaccounted}`).join(' ')}`,
      );
    }
    const exited = [...stack.services.values()].every((s) => exitOf(s) !== null);
    const over = Date.now() - lastChange > o.stallMs || Date.now() - began > o.timeoutMs || o.signal?.aborted === true;
    if (balanced || exited || over) {
      return { books, settled: balanced };
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
}

async function lagsOf(kafka: Kafka, stack: FuzzStack): Promise<FuzzRunResult['lags']> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await Promise.all(
      stack.consumers.map(async (c) => ({
        service: c.service,
        topic: c.topic,
        lag: await groupLag(admin, c.groupId, c.topic),
      })),
    );
  } finally {
    await admin.disconnect();
  }
}
