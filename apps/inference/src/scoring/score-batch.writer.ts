import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import {
  GroupCommitter,
  InboxService,
  type InboxEntry,
  type InboxVerdict,
  type OutboxMessage,
  OutboxRelayService,
  OutboxWriter,
} from '@loanmesh/database';

import { ScoredApplicationRepository, type ScoreRecord } from './scored-application.repository';

export const SCORING_CONSUMER = 'inference-scoring';
const MAX_BATCH = 200;

/** One message's effects: its stored scores and its scored event, and its inbox entry. */
export interface ScoreWrite {
  inbox: InboxEntry;
  record: ScoreRecord;
  message: OutboxMessage;
}

/**
 * Group commit (see GroupCommitter): messages scored while a transaction is committing are
 * written together in the next one (inbox claim, scores, outbox). Each caller resolves only
 * after its own rows are committed, and learns whether its event was new, a duplicate or a conflict.
 */
@Injectable()
export class ScoreBatchWriter {
  private readonly committer: GroupCommitter<ScoreWrite, InboxVerdict>;

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

  /** Resolves 'fresh' when committed, else the inbox verdict: a duplicate, or a conflict to dead-letter. */
  write(item: ScoreWrite): Promise<InboxVerdict> {
    return this.committer.submit(item);
  }

  private async commit(manager: EntityManager, batch: ScoreWrite[]): Promise<InboxVerdict[]> {
    // The first of two copies of one event in a batch wins; the other is a duplicate (or a conflict).
    const verdicts = await this.inbox.claim(
      manager,
      SCORING_CONSUMER,
      batch.map((p) => p.inbox),
    );
    const writes = batch.filter((_, i) => verdicts[i] === 'fresh');
    await this.scores.insertMany(
      manager,
      writes.map((p) => p.record),
    );
    await this.outbox.write(
      manager,
      writes.map((p) => p.message),
    );
    return verdicts;
  }
}
