import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { CompressionTypes, type Kafka, type Message, type Producer } from 'kafkajs';

import { Headers } from '@loanmesh/contracts';
import { CorrelationContext } from '@loanmesh/observability';

import { KAFKA_CLIENT } from './kafka.tokens';
import { ProduceCoalescer } from './produce-coalescer';

export interface OutgoingMessage {
  key: string;
  value: unknown;
  headers?: Record<string, string>;
}

/** The one producer of a service: idempotent, acks from all replicas, correlation id in headers. */
@Injectable()
export class KafkaProducerService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(KafkaProducerService.name);
  private readonly producer: Producer;
  private readonly coalescer: ProduceCoalescer;

  constructor(@Inject(KAFKA_CLIENT) kafka: Kafka) {
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 5, allowAutoTopicCreation: false });
    this.coalescer = new ProduceCoalescer((topicMessages) =>
      this.producer.sendBatch({ acks: -1, compression: CompressionTypes.None, topicMessages }),
    );
  }

  async onModuleInit(): Promise<void> {
    await this.producer.connect();
  }

  async onModuleDestroy(): Promise<void> {
    await this.producer.disconnect().catch((e: unknown) => this.logger.warn(`producer disconnect: ${String(e)}`));
  }

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) {
      return;
    }
    // Mapped now: the correlation id is the caller's, read from its async context.
    await this.coalescer.submit(topic, messages.map(toKafka));
  }

  /** Sends records as they are (bytes and headers untouched), e.g. to a dead-letter topic. */
  async publishRaw(topic: string, messages: Message[]): Promise<void> {
    await this.producer.send({ topic, acks: -1, messages });
  }
}

function toKafka(m: OutgoingMessage): Message {
  const correlationId = CorrelationContext.current();
  return {
    key: m.key,
    value: typeof m.value === 'string' || Buffer.isBuffer(m.value) ? m.value : JSON.stringify(m.value),
    headers: { ...(correlationId ? { [Headers.correlationId]: correlationId } : {}), ...m.headers },
  };
}
