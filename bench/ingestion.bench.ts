import { FeedRunnerService } from '../apps/feed/src/feed/feed-runner.service';
import { KafkaEventSink } from '../apps/feed/src/publishing/kafka-event.sink';
import {
  deadLetterCount,
  killAndWait,
  rssMiB,
  spawnIngestion,
  storedCount,
} from '../apps/ingestion/src/testing/ingestion-process';
import { testEnvironment, waitForGroup } from '../apps/ingestion/src/testing/ingestion-test.harness';

import { type BenchMetric, writeBenchResult } from './bench-result';

const BROKERS = ['127.0.0.1:9092'];

/**
 * Publishes the default world's backlog (seed 42, scale 1) to Kafka, then starts the real
 * ingestion service on a fresh database with a group positioned before the backlog and
 * times it until every event is stored (raw + state + inbox + outbox, one transaction per
 * chunk). Peak RSS is the service process's, sampled every 200 ms.
 */
export async function run(): Promise<Record<string, BenchMetric>> {
  const { env, db } = await testEnvironment({ HTTP_PORT: '3191', LOG_LEVEL: 'warn' });
  const sink = new KafkaEventSink(BROKERS);
  const feed = new FeedRunnerService(
    { seed: 42, scale: 1, brokers: BROKERS, backlog: true, rate: 1, count: 0, liveRun: 0, faults: 0, batchSize: 4000, progress: false },
    sink,
    () => undefined,
  );
  const expected = (await feed.run()).backlog.events;
  const child = spawnIngestion(env);
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(child.pid ?? 0))), 200);
  try {
    await waitForGroup(env.KAFKA_GROUP_ID);
    const start = Date.now();
    // Done when every record is accounted for: stored, or dead-lettered (e.g. UNKNOWN_COMPANY).
    let accounted = 0;
    while (accounted < expected) {
      await new Promise((r) => setTimeout(r, 500));
      accounted = (await storedCount(db.url)) + (await deadLetterCount(db.url));
      if (child.exitCode !== null) {
        throw new Error(`ingestion exited with ${child.exitCode}`);
      }
    }
    const seconds = (Date.now() - start) / 1000;
    const metrics: Record<string, BenchMetric> = {
      eventsPerSecond: { value: Math.round(expected / seconds), unit: 'events/s', target: 5000, better: 'higher' },
      peakRssMiB: { value: Math.round(peak), unit: 'MiB', target: 300, better: 'lower' },
    };
    writeBenchResult('ingestion', metrics);
    console.log(JSON.stringify({ events: expected, seconds, ...metrics }, null, 2));
    return metrics;
  } finally {
    clearInterval(sampler);
    await killAndWait(child, 'SIGTERM');
    await db.drop();
  }
}

if (require.main === module || process.argv[1]?.endsWith('ingestion.bench.ts')) {
  run().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
