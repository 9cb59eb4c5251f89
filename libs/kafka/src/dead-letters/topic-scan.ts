import type { Kafka, KafkaMessage } from 'kafkajs';

export interface ScannedRecord {
  partition: number;
  message: KafkaMessage;
}

/**
 * Reads a topic from its start to the end it had when the scan began, without touching
 * any consumer group the services use: KafkaJS cannot assign partitions by hand, so this
 * joins a throwaway group with auto-commit off and deletes it afterwards. Bounded by
 * `timeoutMs`; an empty or missing topic yields nothing.
 */
export async function scanTopic(kafka: Kafka, topic: string, timeoutMs = 30000): Promise<ScannedRecord[]> {
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `loanmesh-ops-scan-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    if (!(await admin.listTopics()).includes(topic)) {
      return [];
    }
    const ends = new Map(
      (await admin.fetchTopicOffsets(topic))
        .filter((o) => Number(o.high) > Number(o.low))
        .map((o) => [o.partition, Number(o.high)]),
    );
    if (ends.size === 0) {
      return [];
    }
    const records = await consumeUntil(kafka, groupId, topic, ends, timeoutMs);
    return records;
  } finally {
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}

async function consumeUntil(
  kafka: Kafka,
  groupId: string,
  topic: string,
  ends: Map<number, number>,
  timeoutMs: number,
): Promise<ScannedRecord[]> {
  const records: ScannedRecord[] = [];
  const pending = new Set(ends.keys());
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, allowAutoTopicCreation: false });
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`reading ${topic} did not reach its end within ${timeoutMs} ms`)),
        timeoutMs,
      );
      consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            const end = ends.get(batch.partition) ?? 0;
            for (const message of batch.messages) {
              if (Number(message.offset) < end) {
                records.push({ partition: batch.partition, message });
              }
            }
            if (Number(batch.lastOffset()) + 1 >= end) {
              pending.delete(batch.partition);
            }
            if (pending.size === 0) {
              resolve();
            }
            await Promise.resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
  return records;
}
