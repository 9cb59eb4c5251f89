import type { Kafka } from 'kafkajs';

export interface TopicRecord {
  partition: number;
  key: string | null;
  value: Buffer | null;
  /** When the record was produced (ms). */
  timestamp: number;
  headers: Record<string, string>;
}

/**
 * `readTopicOnce`, retried for up to `timeoutMs` while the broker is settling (a restarted
 * broker answers "not the leader" until it has elected its partitions' leaders).
 */
export async function readTopicSince(
  kafka: Kafka,
  topic: string,
  sinceMs: number,
  timeoutMs = 90_000,
): Promise<TopicRecord[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await readTopicOnce(kafka, topic, sinceMs, Math.max(10_000, deadline - Date.now()));
    } catch (e) {
      if (Date.now() >= deadline) {
        throw e;
      }
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

/**
 * Every record produced to `topic` at or after `sinceMs`, up to the topic's end when called:
 * a throwaway consumer group seeks each partition to the first offset at `sinceMs` and reads
 * until it has passed the end offsets taken at the start (bounded by `timeoutMs`).
 */
async function readTopicOnce(kafka: Kafka, topic: string, sinceMs: number, timeoutMs: number): Promise<TopicRecord[]> {
  const admin = kafka.admin();
  await admin.connect();
  let starts: { partition: number; offset: string }[];
  let ends: { partition: number; high: string }[];
  try {
    const topics = await admin.listTopics();
    if (!topics.includes(topic)) {
      return [];
    }
    ends = await admin.fetchTopicOffsets(topic);
    starts = await admin.fetchTopicOffsetsByTimestamp(topic, sinceMs);
  } finally {
    await admin.disconnect();
  }
  const end = new Map(ends.map((e) => [e.partition, Number(e.high)]));
  const start = new Map(
    starts.map((s) => [s.partition, Number(s.offset) < 0 ? Number.MAX_SAFE_INTEGER : Number(s.offset)]),
  );
  /** Partitions with records to read, and the next offset still expected on each. */
  const pending = new Map(
    [...end].filter(([p, high]) => (start.get(p) ?? high) < high).map(([p]) => [p, start.get(p) ?? 0]),
  );
  const records: TopicRecord[] = [];
  if (pending.size === 0) {
    return records;
  }
  const consumer = kafka.consumer({
    groupId: `chaos-reader-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
    maxWaitTimeInMs: 200,
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: false });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        const high = end.get(batch.partition) ?? 0;
        for (const m of batch.messages) {
          const offset = Number(m.offset);
          if (offset >= (start.get(batch.partition) ?? 0) && offset < high) {
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(m.headers ?? {})) {
              headers[k] = Buffer.isBuffer(v) ? v.toString() : String(v);
            }
            records.push({
              partition: batch.partition,
              key: m.key?.toString() ?? null,
              value: m.value,
              timestamp: Number(m.timestamp),
              headers,
            });
          }
          if (offset + 1 >= high) {
            pending.delete(batch.partition);
          }
        }
        await Promise.resolve();
      },
    });
    for (const [partition, offset] of pending) {
      consumer.seek({ topic, partition, offset: String(offset) });
    }
    const deadline = Date.now() + timeoutMs;
    while (pending.size > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    if (pending.size > 0) {
      throw new Error(
        `reading ${topic}: partitions ${[...pending.keys()].join(', ')} not read to their end in ${timeoutMs} ms`,
      );
    }
  } finally {
    await consumer.disconnect();
  }
  return records;
}
