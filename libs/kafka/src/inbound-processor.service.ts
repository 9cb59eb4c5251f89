import { Injectable, Logger } from '@nestjs/common';
import { KafkaRetriableException, type KafkaContext } from '@nestjs/microservices';

import { ContractViolation, Headers, parseEvent, type SchemaRegistry } from '@loanmesh/contracts';
import { CorrelationContext, DomainException, kafkaDispositionOf, MetricsService } from '@loanmesh/observability';

import { DeadLetterService, type InboundRecord } from './dead-letter.service';

/** What a handler reports it did with a valid event. */
export type InboundOutcome = 'processed' | 'duplicate' | 'skipped';

/**
 * The shared inbound edge: validate against the topic's schemas, run the handler inside
 * the event's correlation context, and dead-letter what can never succeed so the
 * partition keeps flowing. Only an unavailable dependency is retried.
 */
@Injectable()
export class InboundProcessorService {
  private readonly logger = new Logger(InboundProcessorService.name);

  constructor(
    private readonly deadLetters: DeadLetterService,
    private readonly metrics: MetricsService,
  ) {}

  async process<T>(
    ctx: KafkaContext,
    registry: SchemaRegistry,
    handle: (event: T) => Promise<InboundOutcome>,
  ): Promise<void> {
    const message = ctx.getMessage();
    const record: InboundRecord = {
      topic: ctx.getTopic(),
      partition: ctx.getPartition(),
      offset: message.offset,
      key: message.key,
      value: message.value,
      headers: message.headers ?? {},
    };
    const headerCorrelation = record.headers[Headers.correlationId];
    await CorrelationContext.run(typeof headerCorrelation === 'string' ? headerCorrelation : undefined, () =>
      this.processRecord(record, registry, handle),
    );
  }

  private async processRecord<T>(
    record: InboundRecord,
    registry: SchemaRegistry,
    handle: (event: T) => Promise<InboundOutcome>,
  ): Promise<void> {
    let event: T;
    try {
      event = parseEvent<T>(record.value, registry);
    } catch (e) {
      if (e instanceof ContractViolation) {
        return this.deadLetter(record, e.code, e.detail);
      }
      throw e;
    }
    try {
      const outcome = await handle(event);
      this.count(record.topic, outcome);
    } catch (e) {
      if (e instanceof DomainException && kafkaDispositionOf(e.kind) === 'dead-letter') {
        return this.deadLetter(record, e.code, e.message);
      }
      this.count(record.topic, 'retried');
      this.logger.warn({ msg: 'retrying record', topic: record.topic, offset: record.offset, error: errorText(e) });
      throw new KafkaRetriableException(errorText(e));
    }
  }

  private async deadLetter(record: InboundRecord, code: string, reason: string): Promise<void> {
    await this.deadLetters.send(record, code, reason);
    this.count(record.topic, 'dead-lettered');
    this.logger.warn({
      msg: 'dead-lettered',
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
      code,
      reason,
    });
  }

  private count(topic: string, outcome: string): void {
    this.metrics
      .counter('loanmesh_inbound_records_total', 'Inbound Kafka records by outcome', ['topic', 'outcome'])
      .inc({ topic, outcome });
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
