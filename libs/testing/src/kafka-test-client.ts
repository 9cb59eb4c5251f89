import { type Admin, type Kafka, logLevel, type Consumer, type IHeaders, type Producer } from 'kafkajs';

import { ALL_TOPICS, DEFAULT_PARTITIONS } from '@loanmesh/contracts';
import { createKafkaClient } from '@loanmesh/kafka';

import { TEST_KAFKA } from './test-infra';
import { uniqueId } from './wait-for';

export interface CapturedRecord {
  topic: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

/** A quiet KafkaJS client on the test broker's PLAINTEXT (super user) listener. */
export function testKafkaClient(clientId: string): Kafka {
  return createKafkaClient(TEST_KAFKA, clientId, { logLevel: logLevel.NOTHING });
}

/** A raw KafkaJS client for tests: produce exact bytes and capture what services publish. */
export class KafkaTestClient {
  readonly kafka = testKafkaClient(uniqueId('test'));
  private producer?: Producer;
  private readonly consumers: Consumer[] = [];

  async produce(
    topic: string,
    messages: { key?: string; value: string | Buffer | null; headers?: IHeaders; partition?: number }[],
  ): Promise<void> {
    if (!this.producer) {
      this.producer = this.kafka.producer({ allowAutoTopicCreation: false });
      await this.producer.connect();
    }
    await this.producer.send({ topic, acks: -1, messages });
  }

  /** Starts capturing new records on the topics (from the end); returns the live list. */
  async capture(topics: string[]): Promise<CapturedRecord[]> {
    const records: CapturedRecord[] = [];
    const consumer = this.kafka.consumer({ groupId: uniqueId('test-capture'), maxWaitTimeInMs: 100 });
    this.consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: false });
    let assigned = false;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      assigned = true;
    });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {})) {
          headers[k] = Buffer.isBuffer(v) ? v.toString() : String(v);
        }
        records.push({ topic, key: message.key?.toString() ?? null, value: message.value, headers });
        await Promise.resolve();
      },
    });
    const deadline = Date.now() + 30000;
    while (!assigned && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    return records;
  }

  async close(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.disconnect()));
    await this.producer?.disconnect();
  }
}

/** Resolves when every consumer group has joined and owns partitions (state Stable). */
export async function waitForStableGroups(kafka: Kafka, groupIds: string[], timeoutMs = 120000): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { groups } = await admin.describeGroups(groupIds);
      const pending = groups
        .filter((g) => g.state !== 'Stable' || g.members.length === 0)
        .map((g) => `${g.groupId}:${g.state}`);
      if (pending.length === 0) {
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(`consumer groups not stable: ${pending.join(', ')}`);
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * A topic created a moment ago may not have a known leader on every metadata path yet
 * (KRaft propagates it asynchronously): retry the offsets lookup briefly instead of failing.
 */
export async function fetchTopicOffsetsSettled(
  admin: Admin,
  topic: string,
  timeoutMs = 30000,
): Promise<{ partition: number; high: string; low: string; offset: string }[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await admin.fetchTopicOffsets(topic);
    } catch (e) {
      if (Date.now() > deadline) {
        throw e;
      }
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

/**
 * Topics are shared by every suite and run, so a fresh group starts at the current end
 * instead of replaying history: it only sees what its suite produces. Creates the platform's
 * topics when missing, then commits each topic's end offsets for the (not yet running) group.
 */
export async function startGroupAtEnd(kafka: Kafka, groupId: string, topics: readonly string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = ALL_TOPICS.filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: DEFAULT_PARTITIONS })),
      });
    }
    for (const topic of topics) {
      const offsets = await fetchTopicOffsetsSettled(admin, topic);
      await admin.setOffsets({
        groupId,
        topic,
        partitions: offsets.map((o) => ({ partition: o.partition, offset: o.high })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * Creates a suite's own isolated topics (services no longer create topics at boot, and the
 * platform's are made by `kafka:provision` in test-infra.sh up). Existing ones are kept.
 */
export async function createTestTopics(topics: readonly string[], partitions = DEFAULT_PARTITIONS): Promise<void> {
  const admin = testKafkaClient(uniqueId('test-topics')).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics)].filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: partitions })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}
