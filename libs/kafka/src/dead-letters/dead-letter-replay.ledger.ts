import type { Kafka, Producer } from 'kafkajs';
import { z } from 'zod';

import { scanTopic } from './topic-scan';

const entrySchema = z.object({
  deadLetterId: z.string(),
  replayedTo: z.object({ topic: z.string(), partition: z.number().int(), offset: z.string() }),
  replayedAt: z.string(),
  forced: z.boolean(),
});

/** One replay: which dead letter went where, and when. */
export type ReplayEntry = z.infer<typeof entrySchema>;

/**
 * What the dead-letter tool has replayed, kept on a compacted Kafka topic keyed by the
 * dead letter's id: it works the same for every service (graph has no PostgreSQL), and
 * lives as long as the dead letters it refers to. Written after the replay is acknowledged;
 * a crash in between means one more replay, which consumers drop by event id.
 */
export class DeadLetterReplayLedger {
  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
  ) {}

  /** Every recorded replay, by dead-letter id (the latest when replayed again with --force). */
  async entries(): Promise<Map<string, ReplayEntry>> {
    const byId = new Map<string, ReplayEntry>();
    for (const { message } of await scanTopic(this.kafka, this.topic)) {
      const parsed = entrySchema.safeParse(safeJson(message.value?.toString('utf8')));
      if (parsed.success) {
        byId.set(parsed.data.deadLetterId, parsed.data);
      }
    }
    return byId;
  }

  async record(producer: Producer, entries: readonly ReplayEntry[]): Promise<void> {
    if (entries.length === 0) {
      return;
    }
    await producer.send({
      topic: this.topic,
      acks: -1,
      messages: entries.map((e) => ({ key: e.deadLetterId, value: JSON.stringify(e) })),
    });
  }

  /** Creates the ledger topic (one partition, compacted) when missing. */
  async ensureTopic(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      if (!(await admin.listTopics()).includes(this.topic)) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: [
            { topic: this.topic, numPartitions: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] },
          ],
        });
      }
    } finally {
      await admin.disconnect();
    }
  }
}

function safeJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
}
