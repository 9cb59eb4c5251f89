import { Kafka, logLevel } from 'kafkajs';

import { Topics } from '@loanmesh/contracts';

/** Consumer groups and the topic each must have fully consumed before live traffic starts. */
const STAGES: [group: string, topic: string][] = [
  ['ingestion', Topics.coreBankingEvents],
  ['graph-writer', Topics.domainEvents],
  ['graph', Topics.applicationReceived],
  ['inference', Topics.graphFeaturesComputed],
  ['review', Topics.applicationScored],
  ['review', Topics.domainEvents],
];

async function lagOf(kafka: Kafka, group: string, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    const done = new Map(committed.partitions.map((p) => [p.partition, Number(p.offset)]));
    return ends.reduce((sum, e) => sum + Math.max(0, Number(e.high) - Math.max(0, done.get(e.partition) ?? 0)), 0);
  } finally {
    await admin.disconnect();
  }
}

/** Waits until every stage has caught up with its backlog, printing the remaining lag. */
async function main(): Promise<void> {
  const timeoutMs = Number(process.argv[2] ?? 900) * 1000;
  const kafka = new Kafka({ brokers: ['127.0.0.1:9092'], clientId: 'demo-wait', logLevel: logLevel.NOTHING });
  const deadline = Date.now() + timeoutMs;
  let stable = 0;
  while (Date.now() < deadline) {
    const lags = await Promise.all(STAGES.map(([g, t]) => lagOf(kafka, g, t)));
    const left = STAGES.map(
      ([g, t], i) =>
        `${g === 'graph-writer' ? 'graph' : g}${t === Topics.domainEvents && g === 'review' ? ' (loan events)' : ''} ${lags[i]}`,
    );
    process.stdout.write(`\r[demo] backlog still to process: ${left.join(', ')}        `);
    stable = lags.every((l) => l === 0) ? stable + 1 : 0;
    if (stable >= 3) {
      console.log('\n[demo] backlog processed');
      return;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  console.log('\n[demo] WARNING: backlog not fully processed before the deadline; continuing');
}

main().catch((e: unknown) => {
  console.error(`wait-drained failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
