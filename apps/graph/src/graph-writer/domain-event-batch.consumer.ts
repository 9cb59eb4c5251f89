import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';

import { APP_CONFIG } from '@loanmesh/config';
import {
  ContractViolation,
  DEFAULT_PARTITIONS,
  domainEventRegistry,
  parseEvent,
  Topics,
  type DomainEvent,
} from '@loanmesh/contracts';
import {
  CONSUMER_FETCH_WAIT_MS,
  CONSUMER_SESSION,
  InboundProcessorService,
  type InboundRecord,
  KAFKA_CLIENT,
  PartitionRetryScheduler,
  superviseConsumer,
  withHeartbeats,
} from '@loanmesh/kafka';
import {
  ConsumerHealthRegistry,
  ConsumerMonitor,
  GracefulShutdownService,
  MetricsService,
  stalledWorkWarning,
} from '@loanmesh/observability';

import type { GraphConfig } from '../config/graph.config';
import { GraphWriteQueue, GraphWriteQueueClosedError } from './graph-write.queue';

/**
 * The domain-event transport. Bulk loading needs whole Kafka batches (Nest's transport
 * hands over one message at a time), so this consumer uses KafkaJS `eachBatch`: validate
 * each record with the shared contract parser, hand the valid events to the one write queue
 * (which merges all partitions' slices into one writer), and only once they are written
 * resolve the offsets (at-least-once; the writes are idempotent, so a redelivered batch
 * changes nothing). What the contract or Neo4j refuses goes through the shared inbound edge
 * (dead letter with the reason); a failure of Neo4j itself pauses the partition and retries
 * it after a backoff, as every transport does (see PartitionRetryScheduler).
 */
@Injectable()
export class DomainEventBatchConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DomainEventBatchConsumer.name);
  private readonly consumer: Consumer;
  private readonly monitor: ConsumerMonitor;
  private readonly retries: PartitionRetryScheduler;
  private closing = false;

  constructor(
    @Inject(KAFKA_CLIENT) kafka: Kafka,
    @Inject(APP_CONFIG) private readonly config: GraphConfig,
    private readonly queue: GraphWriteQueue,
    private readonly inbound: InboundProcessorService,
    private readonly metrics: MetricsService,
    private readonly health: ConsumerHealthRegistry,
    shutdown: GracefulShutdownService,
  ) {
    // Disconnecting lets the slice being written finish and commits what was written.
    shutdown.register('stop-intake', 'graph writer consumer', () => this.stop());
    this.consumer = kafka.consumer({
      groupId: config.GRAPH_WRITER_GROUP_ID,
      ...CONSUMER_SESSION,
      maxWaitTimeInMs: CONSUMER_FETCH_WAIT_MS,
      // About one GRAPH_BATCH_MAX_EVENTS batch (5,000 events of ~0.6 KiB) per partition fetch:
      // large UNWIND transactions make the build fast, but the fetched, parsed and mapped
      // batch sits on the heap beside the in-memory subgraph, so it is bounded (20,000-event
      // batches on top of the loaded 120k world exhausted a 1 GiB heap on a catch-up).
      maxBytesPerPartition: 4 * 1024 * 1024,
      maxBytes: 8 * 1024 * 1024,
      allowAutoTopicCreation: false,
    });
    this.monitor = new ConsumerMonitor(config.GRAPH_WRITER_GROUP_ID);
    this.retries = new PartitionRetryScheduler(this.monitor, {
      initialMs: config.KAFKA_RETRY_INITIAL_MS,
      maxMs: config.KAFKA_RETRY_MAX_MS,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.GRAPH_WRITER_ENABLED) {
      return;
    }
    this.health.register(this.monitor);
    superviseConsumer(this.consumer, this.monitor, () => this.closing);
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [Topics.domainEvents], fromBeginning: this.config.KAFKA_FROM_BEGINNING });
    await this.consumer.run({
      eachBatchAutoResolve: false,
      // Every partition at once; the write queue merges their slices into one writer.
      partitionsConsumedConcurrently: DEFAULT_PARTITIONS,
      eachBatch: (p) => this.onBatch(p),
    });
  }

  /** Stops applying domain events (an operator's maintenance switch; the freshness tests use it). */
  pause(): void {
    this.consumer.pause([{ topic: Topics.domainEvents }]);
  }

  resume(): void {
    this.consumer.resume([{ topic: Topics.domainEvents }]);
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  private async stop(): Promise<void> {
    this.closing = true;
    this.retries.stop();
    this.queue.close();
    await this.consumer.disconnect().catch((e: unknown) => this.logger.warn(`consumer disconnect: ${String(e)}`));
    this.monitor.closed();
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const max = this.config.GRAPH_BATCH_MAX_EVENTS;
    for (let start = 0; start < batch.messages.length; start += max) {
      if (!payload.isRunning() || payload.isStale()) {
        // Stopping (or rebalanced): the slices written so far are resolved and committed.
        break;
      }
      const slice = batch.messages.slice(start, start + max);
      const last = slice[slice.length - 1]?.offset ?? batch.lastOffset();
      let applied: number;
      try {
        // Tracked per slice (one write's worth): a backlog's batch holds many slices.
        applied = await this.monitor.track(
          batch.topic,
          batch.partition,
          () =>
            withHeartbeats(
              () => payload.heartbeat(),
              () => this.applySlice(batch.topic, batch.partition, slice, last),
            ),
          (w) => this.logger.warn(stalledWorkWarning(this.monitor.name, w)),
        );
      } catch (e) {
        if (e instanceof GraphWriteQueueClosedError) {
          // Shutting down: this slice stays unresolved and is fetched again by the next writer.
          break;
        }
        // Offsets resolved so far stay; the rest is fetched again once the partition resumes.
        this.retries.retryLater(batch.topic, batch.partition, e, () => payload.pause());
        return;
      }
      this.retries.succeeded(batch.topic, batch.partition);
      payload.resolveOffset(last);
      await payload.heartbeat();
      this.metrics
        .counter('loanmesh_inbound_records_total', 'Inbound Kafka records by outcome', ['topic', 'outcome'])
        .inc({ topic: batch.topic, outcome: 'processed' }, applied);
    }
    await payload.commitOffsetsIfNecessary();
  }

  /** Writes one slice; resolves to the number of events applied, rejects when it must be retried. */
  private async applySlice(topic: string, partition: number, slice: KafkaMessage[], last: string): Promise<number> {
    const parsed: { event: DomainEvent; record: InboundRecord }[] = [];
    for (const m of slice) {
      const record = { topic, partition, offset: m.offset, key: m.key, value: m.value, headers: m.headers ?? {} };
      try {
        parsed.push({ event: parseEvent<DomainEvent>(m.value, domainEventRegistry), record });
      } catch (e) {
        if (!(e instanceof ContractViolation)) {
          throw e;
        }
        await this.inbound.reject(record, e);
      }
    }
    const result = await this.queue.write({ partition, lastOffset: last, events: parsed.map((p) => p.event) });
    for (const r of result.rejected) {
      await this.inbound.reject(parsed[r.index].record, r.error);
    }
    return parsed.length - result.rejected.length;
  }
}
