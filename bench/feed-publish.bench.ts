import { plaintextKafkaConnection } from '@loanmesh/config';

import { KafkaEventSink } from '../apps/feed/src/publishing/kafka-event.sink';
import { FeedRunnerService } from '../apps/feed/src/feed/feed-runner.service';

import { writeBenchResult, type BenchMetric } from './bench-result';

export type BenchResult = Record<string, BenchMetric>;

/** Publishes the default world's backlog to the local Kafka and records the events per second. */
export async function run(): Promise<BenchResult> {
  const sink = new KafkaEventSink(plaintextKafkaConnection(['127.0.0.1:9092']));
  const runner = new FeedRunnerService(
    {
      seed: 42,
      scale: 1,
      brokers: ['127.0.0.1:9092'],
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
  const summary = await runner.run();
  const metrics: BenchResult = {
    publishEventsPerSecond: {
      value: summary.backlog.eventsPerSecond,
      unit: 'events/s',
      target: 20_000,
      better: 'higher',
    },
    backlogEvents: { value: summary.backlog.events, unit: 'events', target: 400_000, better: 'higher' },
    publishSeconds: { value: summary.backlog.seconds, unit: 's', target: 30, better: 'lower' },
  };
  writeBenchResult('feed-publish', metrics);
  return metrics;
}

if (require.main === module || process.argv[1]?.endsWith('feed-publish.bench.ts')) {
  void run().then((metrics) => console.log(JSON.stringify(metrics, null, 2)));
}
