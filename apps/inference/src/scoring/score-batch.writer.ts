import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { GroupCommitter, InboxService, type OutboxMessage, OutboxRelayService, OutboxWriter } from '@loanmesh/database';

import { ScoredApplicationRepository, type ScoreRecord } from './scored-application.repository';

export const SCORING_CONSUMER = 'inference-scoring';
const MAX_BATCH = 200;

/** One message's effects: its stored scores and its scored event. */
export interface ScoreWrite {
  record: ScoreRecord;
  message: OutboxMessage;
}

/**
 * Group commit (see GroupCommitter): messages scored while a transaction is committing are
 * written together in the next one (inbox claim, scores, outbox). Each caller resolves only
 * after its own rows are committed, and learns whether its event was new or a duplicate.
 */
@Injectable()
export class ScoreBatchWriter {
  private readonly committer: GroupCommitter<ScoreWrite, boolean>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly inbox: InboxService,
    private readonly outbox: OutboxWriter,
    relay: OutboxRelayService,
    private readonly scores: ScoredApplicationRepository,
  ) {
    this.committer = new GroupCommitter(
      dataSource,
      (m, items) => this.commit(m, items),
      () => relay.wake(),
      MAX_BATCH,
    );
  }

  /** Resolves true when committed, false when the event id was already applied. */
  write(item: ScoreWrite): Promise<boolean> {
    return this.committer.submit(item);
  }

  private async commit(manager: EntityManager, batch: ScoreWrite[]): Promise<boolean[]> {
    const fresh = await this.inbox.claim(
      manager,
      SCORING_CONSUMER,
      batch.map((p) => p.record.eventId),
    );
    // The first of two copies of one event in a batch wins; the other is a duplicate.
    const applied = batch.map((p) => fresh.delete(p.record.eventId));
    const writes = batch.filter((_, i) => applied[i]);
    await this.scores.insertMany(
      manager,
      writes.map((p) => p.record),
    );
    await this.outbox.write(
      manager,
      writes.map((p) => p.message),
    );
    return applied;
  }
}
