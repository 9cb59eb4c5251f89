import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { CURRENT_HASH_VERSION, linkHash } from './decision-chain';
import { DecisionChainHeadEntity } from './decision-chain-head.entity';
import { type DecisionOutcome, DecisionEntity } from './decision.entity';

export interface DecisionDraft {
  applicationId: string;
  companyId: string;
  outcome: DecisionOutcome;
  automatic: boolean;
  decidedBy: string;
  decidedAt: Date;
  /** Everything needed to explain the decision later (the hash covers it and every other column). */
  content: Record<string, unknown>;
}

/**
 * Appends decisions to the hash chain. The head row is locked FOR UPDATE inside the
 * caller's transaction, so links are assigned one at a time and in commit order.
 */
@Injectable()
export class DecisionLedgerService {
  async append(manager: EntityManager, draft: DecisionDraft): Promise<DecisionEntity> {
    const [row] = await this.appendMany(manager, [draft]);
    return row;
  }

  /** Links several decisions in order under one lock of the head: one insert, one head update. */
  async appendMany(manager: EntityManager, drafts: readonly DecisionDraft[]): Promise<DecisionEntity[]> {
    if (drafts.length === 0) {
      return [];
    }
    const head = await manager
      .createQueryBuilder(DecisionChainHeadEntity, 'h')
      .where('h.id = 1')
      .setLock('pessimistic_write')
      .getOneOrFail();
    let { lastSeq, lastHash } = head;
    const rows = drafts.map((draft) => {
      const id = randomUUID();
      const content = { ...draft.content, decisionId: id, decidedAt: draft.decidedAt.toISOString() };
      const unhashed = {
        ...draft,
        id,
        seq: lastSeq + 1,
        content,
        previousHash: lastHash,
        hashVersion: CURRENT_HASH_VERSION,
      };
      const hash = linkHash(unhashed);
      const row = manager.create(DecisionEntity, { ...unhashed, hash });
      lastSeq = row.seq;
      lastHash = hash;
      return row;
    });
    await manager.insert(DecisionEntity, rows as QueryDeepPartialEntity<DecisionEntity>[]);
    await manager.update(DecisionChainHeadEntity, { id: 1 }, { lastSeq, lastHash });
    return rows;
  }
}
