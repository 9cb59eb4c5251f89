import { Inject, Injectable } from '@nestjs/common';
import type { IHeaders } from 'kafkajs';

import { Headers } from '@loanmesh/contracts';
import { MetricsService } from '@loanmesh/observability';

import { KafkaProducerService } from './kafka-producer.service';
import { KAFKA_MODULE_OPTIONS, type KafkaModuleOptions } from './kafka.tokens';

export interface InboundRecord {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers: IHeaders | Record<string, unknown>;
}

/** Sends a rejected record to the service's dead-letter topic with its original bytes and the reason. */
@Injectable()
export class DeadLetterService {
  constructor(
    private readonly producer: KafkaProducerService,
    private readonly metrics: MetricsService,
    @Inject(KAFKA_MODULE_OPTIONS) private readonly options: KafkaModuleOptions,
  ) {}

  async send(record: InboundRecord, code: string, reason: string): Promise<void> {
    const headers: Record<string, string | Buffer> = {};
    for (const [k, v] of Object.entries(record.headers ?? {})) {
      if (typeof v === 'string' || Buffer.isBuffer(v)) {
        headers[k] = v;
      }
    }
    await this.producer.publishRaw(this.options.deadLetterTopic, [
      {
        key: record.key,
        value: record.value,
        headers: {
          ...headers,
          [Headers.deadLetterCode]: code,
          [Headers.deadLetterReason]: reason.slice(0, 1000),
          [Headers.originalTopic]: record.topic,
          [Headers.originalPartition]: String(record.partition),
          [Headers.originalOffset]: record.offset,
        },
      },
    ]);
    this.metrics
      .counter('loanmesh_dead_letters_total', 'Records sent to a dead-letter topic', ['topic', 'code'])
      .inc({ topic: record.topic, code });
  }
}
