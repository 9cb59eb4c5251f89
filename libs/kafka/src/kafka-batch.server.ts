import { type CustomStrategy, KafkaContext, type KafkaOptions, ServerKafka } from '@nestjs/microservices';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';

import { DEFAULT_PARTITIONS } from '@loanmesh/contracts';

import { ConsumerMonitor, type MonitoredConsumer, stalledWorkWarning } from '@loanmesh/observability';

import { KafkaBatchContext } from './kafka-batch.context';
import { withHeartbeats } from './consumer-session';
import { createKafkaClient, type KafkaClientConnection } from './kafka-client.factory';
import { kafkaMicroserviceOptions } from './kafka-microservice.options';
import {
  DEFAULT_RETRY_BACKOFF,
  PartitionRetryScheduler,
  type RetryBackoff,
  superviseConsumer,
} from './partition-retry.scheduler';

export type KafkaServerOptions = Required<KafkaOptions>['options'];

/**
 * Nest's Kafka transport, consuming with KafkaJS `eachBatch`: each `@EventPattern` handler
 * receives up to `chunkSize` records of one partition at once (a `KafkaBatchContext`),
 * so a service can apply them in one database transaction. Offsets are resolved and
 * committed only after the handler resolves, chunk by chunk.
 *
 * A handler error never reaches KafkaJS (whose retries end in a consumer crash and a
 * restart of the whole group's work): the inbound edge has already dead-lettered what can
 * never succeed, so what fails here waits for a dependency. The partition is paused, the
 * offsets resolved so far are kept, and after a capped exponential backoff the unresolved
 * records are fetched again (at-least-once); other partitions keep flowing. The consumer's
 * state and paused partitions are reported through `monitor` (liveness, readiness, metrics).
 */
export class KafkaBatchServer extends ServerKafka implements MonitoredConsumer {
  readonly monitor: ConsumerMonitor;
  private readonly retries: PartitionRetryScheduler;
  private closing = false;

  constructor(
    options: KafkaServerOptions,
    private readonly chunkSize: number,
    backoff: RetryBackoff = DEFAULT_RETRY_BACKOFF,
  ) {
    super(options);
    this.monitor = new ConsumerMonitor(options.consumer?.groupId ?? 'kafka');
    this.retries = new PartitionRetryScheduler(this.monitor, backoff);
  }

  /** Nest would construct its own client: route it through the one factory (TLS, SASL, logging). */
  override createClient<T = Kafka>(): T {
    const client = this.options.client;
    const brokers = client?.brokers;
    if (!Array.isArray(brokers)) {
      throw new Error('KafkaBatchServer needs a static broker list (kafkaMicroserviceOptions)');
    }
    return createKafkaClient({ brokers, ssl: client?.ssl, sasl: client?.sasl }, this.clientId, {
      retry: client?.retry,
    }) as T;
  }

  override async bindEvents(consumer: Consumer): Promise<void> {
    superviseConsumer(consumer, this.monitor, () => this.closing);
    const topics = [...this.messageHandlers.keys()];
    if (topics.length > 0) {
      await consumer.subscribe({ ...(this.options.subscribe ?? {}), topics });
    }
    await consumer.run({
      ...(this.options.run ?? {}),
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  override async close(): Promise<void> {
    this.closing = true;
    this.retries.stop();
    await super.close();
    this.monitor.closed();
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    for (let start = 0; start < batch.messages.length; start += this.chunkSize) {
      if (!payload.isRunning() || payload.isStale()) {
        return;
      }
      const chunk = batch.messages.slice(start, start + this.chunkSize);
      const records = chunk.map((m) => this.contextOf(m, batch.topic, batch.partition, payload));
      try {
        // Tracked per chunk (one transaction's worth), not per fetched batch: a backlog's
        // batch holds many chunks and may rightly take minutes.
        await this.monitor.track(
          batch.topic,
          batch.partition,
          () =>
            withHeartbeats(
              () => payload.heartbeat(),
              () =>
                this.handleEvent(
                  batch.topic,
                  { pattern: batch.topic, data: records.map((r) => r.getMessage()) },
                  new KafkaBatchContext(records),
                ),
            ),
          (w) => this.logger.warn(stalledWorkWarning(this.monitor.name, w)),
        );
      } catch (e) {
        // Resolved offsets stay (KafkaJS commits them); the rest is fetched again once resumed.
        this.retries.retryLater(batch.topic, batch.partition, e, () => payload.pause());
        return;
      }
      this.retries.succeeded(batch.topic, batch.partition);
      payload.resolveOffset(chunk[chunk.length - 1].offset);
      await payload.commitOffsetsIfNecessary();
      await payload.heartbeat();
    }
  }

  private contextOf(message: KafkaMessage, topic: string, partition: number, payload: EachBatchPayload): KafkaContext {
    const parsed = this.parser!.parse<KafkaMessage>(Object.assign(message, { topic, partition }));
    return new KafkaContext([parsed, partition, topic, this.consumer!, () => payload.heartbeat(), this.producer!]);
  }
}

/** Tuning of a batch-consuming transport. */
export interface BatchTransportTuning {
  /** Records handed to a handler at once (one transaction's worth). */
  chunkSize: number;
  partitionsConsumedConcurrently: number;
  /** Fetch size per partition; bigger only holds more decoded records in memory. */
  maxBytesPerPartition?: number;
  /** Backoff of a partition whose records failed for an unavailable dependency. */
  retry?: RetryBackoff;
}

/** A service's Nest Kafka transport (see kafkaMicroserviceOptions) consuming in batches. */
export function kafkaBatchTransport(base: KafkaOptions, tuning: BatchTransportTuning): CustomStrategy {
  const options = base.options ?? {};
  return {
    strategy: new KafkaBatchServer(
      {
        ...options,
        consumer: {
          ...options.consumer,
          groupId: options.consumer?.groupId ?? 'loanmesh',
          ...(tuning.maxBytesPerPartition ? { maxBytesPerPartition: tuning.maxBytesPerPartition } : {}),
        },
        run: { ...options.run, partitionsConsumedConcurrently: tuning.partitionsConsumedConcurrently },
      },
      tuning.chunkSize,
      tuning.retry,
    ),
  };
}

/** Records handed to a handler at once by default: one group-committed transaction. */
export const DEFAULT_BATCH_CHUNK = 200;

/**
 * The standard service transport: batches from every assigned partition at once, for
 * handlers that run a batch's records concurrently and group-commit their effects, so a
 * burst costs one transaction rather than one per message.
 */
export function batchConsumerTransport(
  connection: KafkaClientConnection,
  clientId: string,
  groupId: string,
  fromBeginning = true,
  chunkSize = DEFAULT_BATCH_CHUNK,
  retry?: RetryBackoff,
): CustomStrategy {
  return kafkaBatchTransport(kafkaMicroserviceOptions(connection, clientId, groupId, fromBeginning), {
    chunkSize,
    partitionsConsumedConcurrently: DEFAULT_PARTITIONS,
    retry,
  });
}
