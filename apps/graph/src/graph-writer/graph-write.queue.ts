import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';
import type { DomainEvent } from '@loanmesh/contracts';

import type { GraphConfig } from '../config/graph.config';
import { EarlyWarningService } from '../early-warning/early-warning.service';
import { GraphFreshnessTracker } from '../freshness/graph-freshness.tracker';
import { GraphWriterService } from './graph-writer.service';

/** One partition's slice of domain events, written once every event before it on that partition is. */
export interface PartitionSlice {
  partition: number;
  /** Offset of the slice's last record. */
  lastOffset: string;
  events: DomainEvent[];
}

/** A slice refused because the writer is shutting down: it is not written and its offset not committed. */
export class GraphWriteQueueClosedError extends Error {
  override readonly name = 'GraphWriteQueueClosedError';
}

interface Queued {
  slice: PartitionSlice;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * One writer for the graph, fed by all partitions at once: slices that arrive while a write
 * is running are merged into the next one (up to GRAPH_BATCH_MAX_EVENTS), so a burst over six
 * partitions costs one Neo4j round of writes, entity resolution and memory refresh instead of
 * six in a row. That round is on every application's path (the freshness contract waits for
 * it). Writes never overlap, so concurrent transactions never contend for the same nodes.
 */
@Injectable()
export class GraphWriteQueue {
  private readonly queue: Queued[] = [];
  private draining = false;
  private closed = false;

  constructor(
    private readonly writer: GraphWriterService,
    private readonly earlyWarnings: EarlyWarningService,
    private readonly freshness: GraphFreshnessTracker,
    @Inject(APP_CONFIG) private readonly config: Pick<GraphConfig, 'GRAPH_BATCH_MAX_EVENTS'>,
  ) {}

  /** Resolves once the slice is in Neo4j and in memory; rejects if its write failed. */
  write(slice: PartitionSlice): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.closed) {
        reject(new GraphWriteQueueClosedError('the graph writer is shutting down'));
        return;
      }
      this.queue.push({ slice, resolve, reject });
      void this.drain();
    });
  }

  /**
   * Shutdown: the write in progress finishes; slices waiting behind it are refused (their
   * offsets stay uncommitted, so the next writer applies them), since a write can take
   * seconds and the shutdown has ten.
   */
  close(): void {
    this.closed = true;
    const refused = this.queue.splice(0);
    refused.forEach((q) => q.reject(new GraphWriteQueueClosedError('the graph writer is shutting down')));
  }

  private async drain(): Promise<void> {
    if (this.draining) {
      return;
    }
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        await this.writeNext(this.takeGroup());
      }
    } finally {
      this.draining = false;
    }
  }

  private takeGroup(): Queued[] {
    const group: Queued[] = [];
    let events = 0;
    while (this.queue.length > 0) {
      const size = this.queue[0].slice.events.length;
      if (group.length > 0 && events + size > this.config.GRAPH_BATCH_MAX_EVENTS) {
        break;
      }
      group.push(this.queue.shift()!);
      events += size;
    }
    return group;
  }

  private async writeNext(group: Queued[]): Promise<void> {
    try {
      const result = await this.writer.applyBatch(group.flatMap((q) => q.slice.events));
      // In Neo4j and refreshed in memory: features may now be served for applications needing it.
      this.freshness.advance(
        Object.fromEntries(group.map((q) => [String(q.slice.partition), Number(q.slice.lastOffset) + 1])),
      );
      await this.earlyWarnings.onDefaults(result.defaults);
      group.forEach((q) => q.resolve());
    } catch (e) {
      group.forEach((q) => q.reject(e));
    }
  }
}
