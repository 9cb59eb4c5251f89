import { randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';

import { APP_CONFIG } from '@loanmesh/config';
import { domainEventRegistry, parseEvent, Topics, type DomainEvent, type TopicPositions } from '@loanmesh/contracts';
import { CONSUMER_FETCH_WAIT_MS, KAFKA_CLIENT, TopicPositionsService } from '@loanmesh/kafka';
import { GracefulShutdownService, MetricsService } from '@loanmesh/observability';

import type { GraphConfig } from '../config/graph.config';
import { GraphFreshnessTracker } from '../freshness/graph-freshness.tracker';
import { GraphStartPositions } from '../freshness/graph-start-positions.service';
import { GraphMemoryService } from '../graph-memory/graph-memory.service';
import { mapDomainEvent, touchedRecords } from '../graph-writer/graph-row.mapper';
import { emptyRows } from '../graph-writer/graph-rows.types';
import { PendingDomainEventsBuffer } from './pending-domain-events.buffer';

/**
 * Keeps this replica's in-memory view complete when several replicas share the writer group.
 * Each writer writes only its partitions into Neo4j (the system of record) and refreshes only
 * its own view; this follower reads every partition of the domain events in a group of its
 * own and, once the writer group has committed past an event (so it is in Neo4j), re-reads
 * what the event touched and advances the freshness tracker. Partitions this replica writes
 * itself are already refreshed by its writer and are skipped unparsed.
 */
@Injectable()
export class GraphViewFollower implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(GraphViewFollower.name);
  private readonly consumer: Consumer;
  private readonly groupId: string;
  private readonly pending = new PendingDomainEventsBuffer();
  private timer?: NodeJS.Timeout;
  private draining = false;
  private paused = false;
  private closing = false;

  constructor(
    @Inject(KAFKA_CLIENT) kafka: Kafka,
    @Inject(APP_CONFIG) private readonly config: GraphConfig,
    private readonly start: GraphStartPositions,
    private readonly positions: TopicPositionsService,
    private readonly tracker: GraphFreshnessTracker,
    private readonly memory: GraphMemoryService,
    private readonly metrics: MetricsService,
    shutdown: GracefulShutdownService,
  ) {
    shutdown.register('stop-intake', 'graph view follower', () => this.stop());
    // A group per process: every replica reads every partition. It never commits; it starts
    // where the view loaded from (set below), so the group id needs no stability.
    this.groupId = `${config.GRAPH_WRITER_GROUP_ID}.view.${randomUUID()}`;
    this.consumer = kafka.consumer({
      groupId: this.groupId,
      maxWaitTimeInMs: CONSUMER_FETCH_WAIT_MS,
      maxBytesPerPartition: 4 * 1024 * 1024,
      maxBytes: 8 * 1024 * 1024,
      allowAutoTopicCreation: false,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.GRAPH_VIEW_FOLLOW_ENABLED) {
      return;
    }
    const from = await this.start.capture();
    this.pending.startAt(from);
    await this.positions.setCommittedOffsets(this.groupId, Topics.domainEvents, from);
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [Topics.domainEvents], fromBeginning: this.config.KAFKA_FROM_BEGINNING });
    await this.consumer.run({ autoCommit: false, eachBatch: (p) => this.onBatch(p) });
    this.timer = setInterval(() => void this.drain(), this.config.GRAPH_VIEW_POLL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /** One round: refresh what the writer group has committed and this follower has read. */
  async drain(): Promise<void> {
    if (this.draining || this.closing) {
      return;
    }
    this.draining = true;
    try {
      this.pending.dropApplied(this.tracker.positions());
      const received = this.pending.received();
      if (positionsCovered(received, this.tracker.positions())) {
        return;
      }
      const committed = await this.positions.committedOffsets(this.config.GRAPH_WRITER_GROUP_ID, Topics.domainEvents);
      const ready = this.pending.takeBelow(committed);
      await this.refresh(ready.values);
      this.tracker.advance(ready.reached);
      this.flowControl();
    } catch (e) {
      // Neo4j or Kafka unavailable: the events stay pending and the next round tries again;
      // meanwhile the tracker does not move, so serving waits or degrades as it must.
      this.logger.warn({ msg: 'graph view follow round failed', error: e instanceof Error ? e.message : String(e) });
    } finally {
      this.draining = false;
    }
  }

  private onBatch({ batch }: EachBatchPayload): Promise<void> {
    this.pending.add(
      batch.partition,
      batch.messages.map((m) => ({ offset: Number(m.offset), value: m.value })),
      Number(batch.lastOffset()) + 1,
    );
    this.flowControl();
    return Promise.resolve();
  }

  /** Re-reads what the events touched; events the contract refuses are the writer's to dead-letter. */
  private async refresh(values: readonly (Buffer | null)[]): Promise<void> {
    if (values.length === 0) {
      return;
    }
    const rows = emptyRows();
    for (const value of values) {
      try {
        mapDomainEvent(parseEvent<DomainEvent>(value, domainEventRegistry), rows);
      } catch {
        continue;
      }
    }
    await this.memory.refreshWithAliases(touchedRecords(rows));
    this.metrics
      .counter(
        'loanmesh_graph_view_followed_total',
        "Domain events other replicas wrote, refreshed in this replica's view",
      )
      .inc(values.length);
  }

  /** Bounds what waits for the writers: fetching pauses past the limit and resumes below a quarter. */
  private flowControl(): void {
    const size = this.pending.size;
    const limit = this.config.GRAPH_VIEW_MAX_PENDING;
    if (!this.paused && size > limit) {
      this.paused = true;
      this.consumer.pause([{ topic: Topics.domainEvents }]);
    } else if (this.paused && size < limit / 4) {
      this.paused = false;
      this.consumer.resume([{ topic: Topics.domainEvents }]);
    }
  }

  private async stop(): Promise<void> {
    this.closing = true;
    clearInterval(this.timer);
    await this.consumer.disconnect().catch((e: unknown) => this.logger.warn(`consumer disconnect: ${String(e)}`));
  }
}

/** True when every received position is already applied (nothing for this follower to do). */
function positionsCovered(received: TopicPositions, applied: TopicPositions): boolean {
  return Object.entries(received).every(([p, o]) => (applied[p] ?? 0) >= o);
}
