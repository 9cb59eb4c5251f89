import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { chainHash } from './decision-chain';
import { DecisionChainHeadEntity } from './decision-chain-head.entity';
import { type DecisionOutcome, DecisionEntity } from './decision.entity';

export interface DecisionDraft {
  applicationId: string;
  companyId: string;
  outcome: DecisionOutcome;
  automatic: boolean;
  decidedBy: string;
  decidedAt: Date;
  /** Everything needed to explain the decision later (covered by the hash). */
  content: Record<string, unknown>;
}

/**
 * Appends decisions to the hash chain. The head row is locked FOR UPDATE inside the
 * caller's transaction, so links are assigned one at a time and in commit order.
 */
@Injectable()
export class DecisionLedgerService {
  async append(manager: EntityManager, draft: DecisionDraft): Promise<DecisionEntity> {
    const head = await manager
      .createQueryBuilder(DecisionChainHeadEntity, 'h')
      .where('h.id = 1')
      .setLock('pessimistic_write')
      .getOneOrFail();
    const id = randomUUID();
    const content = { ...draft.content, decisionId: id, decidedAt: draft.decidedAt.toISOString() };
    const hash = chainHash(head.lastHash, content);
    const row = manager.create(DecisionEntity, {
      ...draft,
      id,
      seq: head.lastSeq + 1,
      content,
      previousHash: head.lastHash,
      hash,
    });
    await manager.insert(DecisionEntity, row as QueryDeepPartialEntity<DecisionEntity>);
    await manager.update(DecisionChainHeadEntity, { id: 1 }, { lastSeq: row.seq, lastHash: hash });
    return row;
  }
}
