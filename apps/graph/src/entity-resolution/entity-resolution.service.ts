import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';

import type { GraphConfig } from '../config/graph.config';
import { EntityResolutionException } from './entity-resolution.exception';
import { EntityResolutionRepository, type CandidateRow, type CandidateStatus, type StoredCandidate } from './entity-resolution.repository';
import { scorePair, type PairFacts, type PartyKind } from './match-scorer';

/** Deterministic rules plus a fuzzy score decide link / review / ignore for each blocked pair. */
@Injectable()
export class EntityResolutionService {
  constructor(
    private readonly repository: EntityResolutionRepository,
    @Inject(APP_CONFIG) private readonly config: Pick<GraphConfig, 'ER_LINK_THRESHOLD' | 'ER_REVIEW_THRESHOLD'>,
  ) {}

  /** Scores the records just written against their blocking neighbours; returns SAME_AS links made. */
  async resolveRecords(personIds: readonly string[], companyIds: readonly string[]): Promise<number> {
    const pairs = [...(await this.pairs('person', personIds)), ...(await this.pairs('company', companyIds))];
    return this.repository.upsert(this.classify(pairs));
  }

  classify(pairs: readonly PairFacts[]): CandidateRow[] {
    const rows = new Map<string, CandidateRow>();
    for (const pair of pairs) {
      const [aId, bId] = pair.aId < pair.bId ? [pair.aId, pair.bId] : [pair.bId, pair.aId];
      const id = `${pair.kind}:${aId}:${bId}`;
      const evidence = scorePair(pair);
      const status = this.statusFor(evidence.score);
      if (status && !rows.has(id)) {
        rows.set(id, { id, kind: pair.kind, aId, bId, status, evidence });
      }
    }
    return [...rows.values()];
  }

  list(status: CandidateStatus | null, limit: number): Promise<StoredCandidate[]> {
    return this.repository.list(status, limit);
  }

  async decide(id: string, decision: 'confirm' | 'reject', by: string): Promise<void> {
    const status = await this.repository.statusOf(id);
    if (!status) {
      throw EntityResolutionException.notFound(id);
    }
    if (status === 'CONFIRMED' || status === 'REJECTED') {
      throw EntityResolutionException.alreadyDecided(id, status);
    }
    await (decision === 'confirm' ? this.repository.confirm(id, by) : this.repository.reject(id, by));
  }

  private statusFor(score: number): CandidateStatus | undefined {
    if (score >= this.config.ER_LINK_THRESHOLD) {
      return 'AUTO_LINKED';
    }
    return score >= this.config.ER_REVIEW_THRESHOLD ? 'PENDING' : undefined;
  }

  private pairs(kind: PartyKind, ids: readonly string[]): Promise<PairFacts[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.repository.findPairs(kind, ids);
  }
}
