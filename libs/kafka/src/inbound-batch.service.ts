import { Injectable } from '@nestjs/common';
import type { KafkaContext } from '@nestjs/microservices';

import type { SchemaRegistry } from '@loanmesh/contracts';
import { applyIsolating } from '@loanmesh/observability';

import { InboundProcessorService, type InboundOutcome } from './inbound-processor.service';

import type { InboundItem, ItemOutcome } from './inbound-batch.types';

interface Pending<T> {
  item: InboundItem<T>;
  resolve: (outcome: InboundOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Runs every record of a batch through the shared `InboundProcessorService` (validation,
 * dead letters, retry classification, correlation context), but applies the valid ones
 * together: once each record is either validated or settled, the batch function gets all
 * valid events at once and its per-item outcomes flow back to each record's processing.
 */
@Injectable()
export class InboundBatchService {
  constructor(private readonly inbound: InboundProcessorService) {}

  async process<T>(
    records: readonly KafkaContext[],
    registry: SchemaRegistry,
    applyBatch: (items: InboundItem<T>[]) => Promise<ItemOutcome[]>,
  ): Promise<void> {
    const pending = new Map<number, Pending<T>>();
    const done = new Set<number>();
    let flushed = false;
    const flushIfReady = (): void => {
      if (!flushed && done.size + pending.size === records.length) {
        flushed = true;
        this.flush(
          [...pending.entries()].sort(([a], [b]) => a - b).map(([, p]) => p),
          applyBatch,
        );
      }
    };
    const runs = records.map((ctx, i) =>
      this.inbound
        .process<T>(ctx, registry, (event) => {
          const outcome = new Promise<InboundOutcome>((resolve, reject) => {
            pending.set(i, { item: { event, position: positionOf(ctx) }, resolve, reject });
          });
          flushIfReady();
          return outcome;
        })
        .finally(() => {
          if (!pending.has(i)) {
            done.add(i);
            flushIfReady();
          }
        }),
    );
    const failure = (await Promise.allSettled(runs)).find((r) => r.status === 'rejected');
    if (failure) {
      throw failure.reason;
    }
  }

  /**
   * Runs every record of a batch through the shared edge at once, each with its own
   * handler call: for services that group concurrent work themselves (a GroupCommitter),
   * so one chunk becomes one transaction. Order of submission follows offset order.
   */
  async processEach<T>(
    records: readonly KafkaContext[],
    registry: SchemaRegistry,
    handle: (event: T) => Promise<InboundOutcome>,
  ): Promise<void> {
    const runs = await Promise.allSettled(records.map((ctx) => this.inbound.process<T>(ctx, registry, handle)));
    const failure = runs.find((r) => r.status === 'rejected');
    if (failure) {
      throw failure.reason;
    }
  }

  /**
   * Applies the batch as one; a batch the store refuses for one record's sake is split until
   * that record stands alone (see `applyIsolating`), so only it is rejected (and
   * dead-lettered by the edge) and the rest of the batch is applied.
   */
  private flush<T>(batch: Pending<T>[], applyBatch: (items: InboundItem<T>[]) => Promise<ItemOutcome[]>): void {
    if (batch.length === 0) {
      return;
    }
    void applyIsolating(batch, (part) => applyBatch(part.map((p) => p.item))).then((settled) =>
      settled.forEach((s, i) => (s.ok ? settle(batch[i], s.value) : batch[i].reject(s.error))),
    );
  }
}

function settle<T>(p: Pending<T>, outcome: ItemOutcome | undefined): void {
  if (typeof outcome === 'string') {
    p.resolve(outcome);
  } else {
    p.reject(outcome ?? new Error('batch returned no outcome for an item'));
  }
}

function positionOf(ctx: KafkaContext): InboundItem<unknown>['position'] {
  const key = ctx.getMessage().key;
  return {
    topic: ctx.getTopic(),
    partition: ctx.getPartition(),
    offset: ctx.getMessage().offset,
    key: key === null || key === undefined ? null : key.toString(),
  };
}
