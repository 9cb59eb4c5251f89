import { Inject, Injectable, Logger } from '@nestjs/common';
import { KafkaRetriableException, type KafkaContext } from '@nestjs/microservices';

import { ContractViolation, Headers, parseEvent, type SchemaRegistry } from '@loanmesh/contracts';
import {
  classifyFailure,
  CorrelationContext,
  type FailureClass,
  MetricsService,
  RETRIES_EXHAUSTED,
} from '@loanmesh/observability';

import { AttemptLedger } from './attempt-ledger';
import { DeadLetterService, type InboundRecord } from './dead-letter.service';
import { DEFAULT_MAX_ATTEMPTS, KAFKA_MODULE_OPTIONS, type KafkaModuleOptions } from './kafka.tokens';

/** What a handler reports it did with a valid event. */
export type InboundOutcome = 'processed' | 'duplicate' | 'skipped';

/**
 * The shared inbound edge: validate against the topic's schemas, run the handler inside
 * the event's correlation context, and dead-letter what can never succeed so the
 * partition keeps flowing. A failure is classified once (`classifyFailure`): a rejected
 * record is dead-lettered with the store's or the rule's reason; an unavailable dependency
 * is retried (the transport backs off and pauses the partition), never dead-lettered; an
 * unrecognised failure gets `maxAttempts` before it is dead-lettered.
 */
@Injectable()
export class InboundProcessorService {
  private readonly logger = new Logger(InboundProcessorService.name);
  private readonly attempts = new AttemptLedger();

  constructor(
    private readonly deadLetters: DeadLetterService,
    private readonly metrics: MetricsService,
    @Inject(KAFKA_MODULE_OPTIONS) private readonly options: KafkaModuleOptions,
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
    await this.inContext(record, () => this.processRecord(record, registry, handle));
  }

  /**
   * Decides what becomes of a record its consumer could not apply (for consumers that apply
   * records outside `process`, e.g. the graph writer): resolves once it is dead-lettered,
   * rejects with a retriable error when it must be tried again.
   */
  async reject(record: InboundRecord, error: unknown): Promise<void> {
    await this.inContext(record, () => this.onFailure(record, error));
  }

  private inContext(record: InboundRecord, work: () => Promise<void>): Promise<void> {
    const headerCorrelation = record.headers[Headers.correlationId];
    return CorrelationContext.run(typeof headerCorrelation === 'string' ? headerCorrelation : undefined, work);
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
        return this.deadLetter(record, e.code, e.detail, 'permanent');
      }
      throw e;
    }
    try {
      const outcome = await handle(event);
      this.attempts.clear(keyOf(record));
      this.count(record.topic, outcome);
    } catch (e) {
      await this.onFailure(record, e);
    }
  }

  private async onFailure(record: InboundRecord, error: unknown): Promise<void> {
    const failure = classifyFailure(error);
    const key = keyOf(record);
    if (failure.class === 'permanent') {
      this.attempts.clear(key);
      return this.deadLetter(record, failure.code, failure.reason, 'permanent');
    }
    if (failure.class === 'unknown') {
      const attempt = this.attempts.fail(key);
      if (attempt >= (this.options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)) {
        this.attempts.clear(key);
        return this.deadLetter(record, RETRIES_EXHAUSTED, `after ${attempt} attempts: ${failure.reason}`, 'unknown');
      }
    }
    this.count(record.topic, 'retried');
    this.countFailure(record.topic, failure.class, 'retried');
    this.logger.warn({
      msg: 'retrying record',
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
      failure: failure.class,
      error: failure.reason,
    });
    throw new KafkaRetriableException(failure.reason);
  }

  private async deadLetter(record: InboundRecord, code: string, reason: string, cls: FailureClass): Promise<void> {
    await this.deadLetters.send(record, code, reason);
    this.count(record.topic, 'dead-lettered');
    this.countFailure(record.topic, cls, 'dead-lettered');
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

  private countFailure(topic: string, cls: FailureClass, disposition: 'retried' | 'dead-lettered'): void {
    this.metrics
      .counter('loanmesh_inbound_failures_total', 'Failed inbound records by failure class and what was done', [
        'topic',
        'class',
        'disposition',
      ])
      .inc({ topic, class: cls, disposition });
  }
}

function keyOf(record: InboundRecord): string {
  return `${record.topic}/${record.partition}/${record.offset}`;
}
