import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { InboxService, type OutboxMessage, OutboxRelayService, OutboxWriter } from '@loanmesh/database';

import { ScoredApplicationRepository, type ScoreRecord } from './scored-application.repository';

export const SCORING_CONSUMER = 'inference-scoring';
const MAX_BATCH = 200;

/** One message's effects: its stored scores and its scored event. */
export interface ScoreWrite {
  record: ScoreRecord;
  message: OutboxMessage;
}

interface Pending extends ScoreWrite {
  resolve: (applied: boolean) => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit: messages scored while a transaction is committing are written together in
 * the next one (inbox claim, scores, outbox), so throughput does not stop at one fsync per
 * message. Each caller still resolves only after its own rows are committed, and learns
 * whether its event was new or a duplicate.
 */
@Injectable()
export class ScoreBatchWriter {
  private pending: Pending[] = [];
  private flushing: Promise<void> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inbox: InboxService,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelayService,
    private readonly scores: ScoredApplicationRepository,
  ) {}

  /** Resolves true when committed, false when the event id was already applied. */
  write(item: ScoreWrite): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.pending.push({ ...item, resolve, reject });
      this.flushing ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, MAX_BATCH);
      try {
        const applied = await this.commit(batch);
        batch.forEach((p) => p.resolve(applied.has(p)));
        this.relay.wake();
      } catch (e) {
        batch.forEach((p) => p.reject(e));
      }
    }
    this.flushing = undefined;
  }

  private commit(batch: Pending[]): Promise<Set<Pending>> {
    return this.dataSource.transaction(async (manager) => {
      const fresh = await this.inbox.claim(
        manager,
        SCORING_CONSUMER,
        batch.map((p) => p.record.eventId),
      );
      const applied = new Set<Pending>();
      for (const p of batch) {
        // The first of two copies of one event in a batch wins; the other is a duplicate.
        if (fresh.delete(p.record.eventId)) {
          applied.add(p);
        }
      }
      const writes = [...applied];
      await this.scores.insertMany(
        manager,
        writes.map((p) => p.record),
      );
      await this.outbox.write(
        manager,
        writes.map((p) => p.message),
      );
      return applied;
    });
  }
}
