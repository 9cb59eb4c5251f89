import type { Consumer, IHeaders, Kafka } from 'kafkajs';

import { DeadLetterTopics, Headers, Topics } from '@loanmesh/contracts';

/** A consuming service, named as its dead-letter topic is. */
export type ServiceName = Exclude<keyof typeof DeadLetterTopics, 'test'>;
export const SERVICES: readonly ServiceName[] = ['ingestion', 'graph', 'inference', 'review'];

function text(v: IHeaders[string]): string | undefined {
  const one = Array.isArray(v) ? v[0] : v;
  return one === undefined ? undefined : one.toString();
}

/** A dead letter as the observer keeps it: where the original was, and why. */
export interface ObservedDeadLetter {
  service: ServiceName;
  originalTopic: string;
  partition: number;
  offset: bigint;
  code: string;
}

/**
 * Reads every dead-letter topic (and the type headers of the domain-event topic) from the
 * beginning while the run goes on. A record dead-lettered twice (redelivered after a failed
 * chunk) is one position, so positions are kept, not counts.
 */
export class TopicObserver {
  readonly deadLetters = new Map<string, ObservedDeadLetter>();
  /** Domain-event positions `p:o` and their x-event-type header (undefined: none). */
  readonly domainEventTypes = new Map<string, string | undefined>();
  private readonly consumer: Consumer;

  constructor(kafka: Kafka, groupId: string) {
    this.consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200, maxBytesPerPartition: 4 * 1024 * 1024 });
  }

  async start(): Promise<void> {
    const byTopic = new Map<string, ServiceName>(
      Object.entries(DeadLetterTopics).flatMap(([s, t]) => (s === 'test' ? [] : [[t, s as ServiceName]])),
    );
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...byTopic.keys(), Topics.domainEvents], fromBeginning: true });
    await this.consumer.run({
      eachMessage: ({ topic, partition, message }) => {
        const headers = message.headers ?? {};
        const service = byTopic.get(topic);
        if (service) {
          const originalTopic = text(headers[Headers.originalTopic]) ?? '';
          const p = Number(text(headers[Headers.originalPartition]) ?? -1);
          const o = BigInt(text(headers[Headers.originalOffset]) ?? -1);
          this.deadLetters.set(`${service}|${originalTopic}|${p}|${o}`, {
            service,
            originalTopic,
            partition: p,
            offset: o,
            code: text(headers[Headers.deadLetterCode]) ?? '?',
          });
        } else {
          this.domainEventTypes.set(`${partition}:${message.offset}`, text(headers[Headers.eventType]));
        }
        return Promise.resolve();
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
