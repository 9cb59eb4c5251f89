import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';
import type { DomainEvent } from '@loanmesh/contracts';
import { applyIsolating, classifyFailure, type Settled } from '@loanmesh/observability';

import type { GraphConfig } from '../config/graph.config';
import { EarlyWarningService } from '../early-warning/early-warning.service';
import { GraphFreshnessTracker } from '../freshness/graph-freshness.tracker';
import type { BatchResult } from './graph-writer.service';
import { GraphWriterService } from './graph-writer.service';

/** One partition's slice of domain events, written once every event before it on that partition is. */
export interface PartitionSlice {
  partition: number;
  /** Offset of the slice's last record. */
  lastOffset: string;
  events: DomainEvent[];
}

/** An event of a slice the graph refused, alone, with the store's error. */
export interface RejectedEvent {
  /** Index in the slice's `events`. */
  index: number;
  error: unknown;
}

/** What became of a slice: every event applied except the rejected ones. */
export interface SliceResult {
  rejected: RejectedEvent[];
}

/** A slice refused because the writer is shutting down: it is not written and its offset not committed. */
export class GraphWriteQueueClosedError extends Error {
  override readonly name = 'GraphWriteQueueClosedError';
}

interface Queued {
  slice: PartitionSlice;
  resolve: (result: SliceResult) => void;
  reject: (e: unknown) => void;
}

interface Entry {
  /** Index of the slice in the group, and of the event in the slice. */
  slice: number;
  index: number;
  event: DomainEvent;
}

/**
 * One writer for the graph, fed by all partitions at once: slices that arrive while a write
 * is running are merged into the next one (up to GRAPH_BATCH_MAX_EVENTS), so a burst over six
 * partitions costs one Neo4j round of writes, entity resolution and memory refresh instead of
 * six in a row. That round is on every application's path (the freshness contract waits for
 * it). Writes never overlap, so concurrent transactions never contend for the same nodes.
 *
 * An event Neo4j refuses does not fail its group: the group is split and rewritten until the
 * event stands alone (writes are idempotent merges), and its slice resolves with it rejected.
 * An unavailable Neo4j rejects the whole group, to be retried.
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

  /** Resolves once the slice is in Neo4j and in memory, but for the events it rejected; rejects if the write failed. */
  write(slice: PartitionSlice): Promise<SliceResult> {
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
      const entries: Entry[] = group.flatMap((q, slice) =>
        q.slice.events.map((event, index) => ({ slice, index, event })),
      );
      const defaults: BatchResult['defaults'] = [];
      const settled = await applyIsolating(entries, async (part) => {
        const result = await this.writer.applyBatch(part.map((e) => e.event));
        defaults.push(...result.defaults);
        return part.map(() => true);
      });
      const outage = settled.find((s) => !s.ok && classifyFailure(s.error).class === 'transient');
      if (outage && !outage.ok) {
        throw outage.error;
      }
      const results = group.map((_, slice) => ({ rejected: rejectedOf(entries, settled, slice) }));
      // In Neo4j and refreshed in memory: features may now be served for applications needing it.
      // A slice with an event still to retry is not applied yet.
      this.freshness.advance(
        Object.fromEntries(
          group.flatMap((q, i) =>
            results[i].rejected.every((r) => classifyFailure(r.error).class === 'permanent')
              ? [[String(q.slice.partition), Number(q.slice.lastOffset) + 1]]
              : [],
          ),
        ),
      );
      await this.earlyWarnings.onDefaults(defaults);
      group.forEach((q, i) => q.resolve(results[i]));
    } catch (e) {
      group.forEach((q) => q.reject(e));
    }
  }
}

function rejectedOf(entries: readonly Entry[], settled: readonly Settled<boolean>[], slice: number): RejectedEvent[] {
  return settled.flatMap((s, k) =>
    !s.ok && entries[k].slice === slice ? [{ index: entries[k].index, error: s.error }] : [],
  );
}
