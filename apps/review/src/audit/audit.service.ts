import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { type ChainVerification, GENESIS_HASH, verifyLinks } from '../decisions/decision-chain';
import { DecisionEntity } from '../decisions/decision.entity';

const PAGE = 500;

/** Reads the decision ledger page by page: chain verification and streamed exports. */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async *pages(): AsyncGenerator<DecisionEntity[]> {
    let after = 0;
    for (;;) {
      const page = await this.dataSource
        .getRepository(DecisionEntity)
        .createQueryBuilder('d')
        .where('d.seq > :after', { after })
        .orderBy('d.seq', 'ASC')
        .limit(PAGE)
        .getMany();
      if (page.length > 0) {
        yield page;
      }
      if (page.length < PAGE) {
        return;
      }
      after = page[page.length - 1].seq;
    }
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
