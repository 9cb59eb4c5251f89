import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';
import { classifyPairs, type PairFacts, type PartyKind } from '@loanmesh/entity-resolution';

import type { GraphConfig } from '../config/graph.config';
import { GraphMemoryService } from '../graph-memory/graph-memory.service';
import { EntityResolutionException } from './entity-resolution.exception';
import {
  EntityResolutionRepository,
  type CandidateRow,
  type CandidateStatus,
  type StoredCandidate,
} from './entity-resolution.repository';

export interface ResolutionOutcome {
  links: number;
  linkedCompanyIds: string[];
  linkedPersonIds: string[];
}

/** Deterministic rules plus a fuzzy score decide link / review / ignore for each blocked pair. */
@Injectable()
export class EntityResolutionService {
  constructor(
    private readonly repository: EntityResolutionRepository,
    private readonly memory: GraphMemoryService,
    @Inject(APP_CONFIG)
    private readonly config: Pick<GraphConfig, 'ER_LINK_THRESHOLD' | 'ER_REVIEW_THRESHOLD' | 'ER_MAX_BLOCK_SIZE'>,
  ) {}

  /** Scores the records just written against their blocking neighbours; returns the SAME_AS links made and the records they join. */
  async resolveRecords(personIds: readonly string[], companyIds: readonly string[]): Promise<ResolutionOutcome> {
    const pairs = [...(await this.pairs('person', personIds)), ...(await this.pairs('company', companyIds))];
    const rows = this.classify(pairs);
    const links = await this.repository.upsert(rows);
    const linked = rows.filter((r) => r.status === 'AUTO_LINKED');
    return {
      links,
      linkedCompanyIds: linked.filter((r) => r.kind === 'company').flatMap((r) => [r.aId, r.bId]),
      linkedPersonIds: linked.filter((r) => r.kind === 'person').flatMap((r) => [r.aId, r.bId]),
    };
  }

  /** The shared matcher's decision (`@loanmesh/entity-resolution`, also used by the world for training). */
  classify(pairs: readonly PairFacts[]): CandidateRow[] {
    return classifyPairs(pairs, { link: this.config.ER_LINK_THRESHOLD, review: this.config.ER_REVIEW_THRESHOLD });
  }

  list(status: CandidateStatus | null, limit: number): Promise<StoredCandidate[]> {
    return this.repository.list(status, limit);
  }

  async decide(id: string, decision: 'confirm' | 'reject', by: string): Promise<void> {
    const candidate = await this.repository.find(id);
    if (!candidate) {
      throw EntityResolutionException.notFound(id);
    }
    if (candidate.status === 'CONFIRMED' || candidate.status === 'REJECTED') {
      throw EntityResolutionException.alreadyDecided(id, candidate.status);
    }
    await (decision === 'confirm' ? this.repository.confirm(id, by) : this.repository.reject(id, by));
    // A decision adds or removes SAME_AS and canonical ids: the in-memory graph must see it.
    const ids = [candidate.aId, candidate.bId];
    await this.memory.refresh(
      candidate.kind === 'company' ? { companyIds: ids, personIds: [] } : { companyIds: [], personIds: ids },
    );
  }

  private pairs(kind: PartyKind, ids: readonly string[]): Promise<PairFacts[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.repository.findPairs(kind, ids, this.config.ER_MAX_BLOCK_SIZE);
  }
}
