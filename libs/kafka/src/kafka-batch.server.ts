import { type CustomStrategy, KafkaContext, type KafkaOptions, ServerKafka } from '@nestjs/microservices';
import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';

import { DEFAULT_PARTITIONS } from '@loanmesh/contracts';

import { KafkaBatchContext } from './kafka-batch.context';
import { kafkaMicroserviceOptions } from './kafka-microservice.options';

export type KafkaServerOptions = Required<KafkaOptions>['options'];

/**
 * Nest's Kafka transport, consuming with KafkaJS `eachBatch`: each `@EventPattern` handler
 * receives up to `chunkSize` records of one partition at once (a `KafkaBatchContext`),
 * so a service can apply them in one database transaction. Offsets are resolved and
 * committed only after the handler resolves, chunk by chunk; a rejected chunk is fetched
 * again (at-least-once).
 */
export class KafkaBatchServer extends ServerKafka {
  constructor(
    options: KafkaServerOptions,
    private readonly chunkSize: number,
  ) {
    super(options);
  }

  override async bindEvents(consumer: Consumer): Promise<void> {
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

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    for (let start = 0; start < batch.messages.length; start += this.chunkSize) {
      if (!payload.isRunning() || payload.isStale()) {
        return;
      }
      const chunk = batch.messages.slice(start, start + this.chunkSize);
      const records = chunk.map((m) => this.contextOf(m, batch.topic, batch.partition, payload));
      await this.handleEvent(
        batch.topic,
        { pattern: batch.topic, data: records.map((r) => r.getMessage()) },
        new KafkaBatchContext(records),
      );
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
  brokers: string[],
  clientId: string,
  groupId: string,
  fromBeginning = true,
  chunkSize = DEFAULT_BATCH_CHUNK,
): CustomStrategy {
  return kafkaBatchTransport(kafkaMicroserviceOptions(brokers, clientId, groupId, fromBeginning), {
    chunkSize,
    partitionsConsumedConcurrently: DEFAULT_PARTITIONS,
  });
}
