import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { keysetPages } from '@loanmesh/database';

import { type ChainVerification, GENESIS_HASH, verifyLinks } from '../decisions/decision-chain';
import { DecisionEntity } from '../decisions/decision.entity';

const PAGE = 500;

/** Reads the decision ledger page by page: chain verification and streamed exports. */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  pages(): AsyncGenerator<DecisionEntity[]> {
    return keysetPages(this.dataSource.getRepository(DecisionEntity), 'seq', 0, PAGE);
  }

  /** Recomputes every link from the genesis hash; reports the first broken one. */
  async verify(): Promise<ChainVerification> {
    let state: ChainVerification = { ok: true, checked: 0, lastHash: GENESIS_HASH };
    for await (const page of this.pages()) {
      const next = verifyLinks(page, state.lastHash);
      state = { ...next, checked: state.checked + next.checked };
      if (!next.ok) {
        return state;
      }
    }
    return state;
  }
}
