import { Injectable } from '@nestjs/common';

import { KafkaProducerService } from '@loanmesh/kafka';

/** A claimed outbox row on its way to the broker. */
export interface RelayedMessage {
  id: string;
  topic: string;
  key: string;
  /** The payload as stored, already serialized JSON: it goes to Kafka as it is. */
  payload: string;
  headers: Record<string, string>;
}

/**
 * Where the relay sends rows; an adapter so tests can fail a publish on purpose, and so a
 * service can hold rows back until a condition of its own holds (ingestion's freshness).
 */
export interface OutboxPublisher {
  /**
   * Resolves once the published messages are acknowledged; rejects if any is not. Resolves
   * to how many of the first messages were published (the rest stay for the next round, in
   * the same order), or to nothing when all were.
   */
  publish(messages: readonly RelayedMessage[]): Promise<number | void>;
}

export const OUTBOX_PUBLISHER = Symbol('OUTBOX_PUBLISHER');

/** Publishes through the service's one Kafka producer, keeping id order within each topic. */
@Injectable()
export class KafkaOutboxPublisher implements OutboxPublisher {
  constructor(private readonly producer: KafkaProducerService) {}

  async publish(messages: readonly RelayedMessage[]): Promise<void> {
    const byTopic = new Map<string, RelayedMessage[]>();
    for (const m of messages) {
      const list = byTopic.get(m.topic) ?? [];
      list.push(m);
      byTopic.set(m.topic, list);
    }
    await Promise.all(
      [...byTopic].map(([topic, list]) =>
        this.producer.publish(
          topic,
          list.map((m) => ({ key: m.key, value: m.payload, headers: m.headers })),
        ),
      ),
    );
  }
}
