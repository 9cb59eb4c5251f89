import { CompressionTypes, type Kafka, logLevel, type Admin, type Producer } from 'kafkajs';

import { Topics } from '@loanmesh/contracts';
import { createKafkaClient, type KafkaClientConnection, KafkaTopicsException } from '@loanmesh/kafka';

import type { EventSink, OutRecord } from './event-sink';

/**
 * The Kafka adapter: checks the core-banking topic exists (provisioning makes it) and publishes batches with
 * acks from all in-sync replicas. Up to `inFlight` batches are pipelined for throughput, but
 * the producer keeps one request in flight per broker, so batches reach a partition in the
 * order they were sent (a company's registration before its application).
 */
export class KafkaEventSink implements EventSink {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly pending = new Set<Promise<unknown>>();
  private failure: unknown;

  constructor(
    connection: KafkaClientConnection,
    private readonly inFlight = 4,
  ) {
    // Core banking keeps sending through a broker restart: sends are retried for about a
    // minute (KafkaJS's default gives up after about 10 s) before the feed fails.
    this.kafka = createKafkaClient(connection, 'loanmesh-feed', {
      logLevel: logLevel.ERROR,
      retry: { retries: 8, initialRetryTime: 300, maxRetryTime: 15_000 },
    });
    this.producer = this.kafka.producer({ allowAutoTopicCreation: false, maxInFlightRequests: 1 });
  }

  async open(): Promise<void> {
    const admin: Admin = this.kafka.admin();
    await admin.connect();
    try {
      // The feed's Kafka user may only write this topic, never create it.
      const topics = await admin.listTopics();
      if (!topics.includes(Topics.coreBankingEvents)) {
        throw new KafkaTopicsException(
          'KAFKA_TOPICS_MISSING',
          `KAFKA_TOPICS_MISSING: the broker has no topic ${Topics.coreBankingEvents}: run \`npm run kafka:provision\` first`,
          [Topics.coreBankingEvents],
        );
      }
    } finally {
      await admin.disconnect();
    }
    await this.producer.connect();
  }

  async write(_stream: 'backlog' | 'live', records: readonly OutRecord[]): Promise<void> {
    if (records.length === 0) {
      return;
    }
    while (this.pending.size >= this.inFlight) {
      await Promise.race(this.pending);
    }
    this.throwIfFailed();
    const send = this.producer
      .send({
        topic: Topics.coreBankingEvents,
        acks: -1,
        compression: CompressionTypes.None,
        messages: records.map((r) => ({ key: r.key, value: r.value })),
      })
      .finally(() => this.pending.delete(send));
    this.pending.add(send);
    // A failed batch fails the next write or the close, so no error is lost.
    send.catch((error: unknown) => {
      this.failure ??= error;
    });
  }

  async close(): Promise<void> {
    try {
      await Promise.allSettled(this.pending);
      this.throwIfFailed();
    } finally {
      await this.producer.disconnect();
    }
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) {
      throw this.failure instanceof Error ? this.failure : new Error('Kafka send failed', { cause: this.failure });
    }
  }
}
