import { Injectable } from '@nestjs/common';

import type { MatchEvidence, PairFacts, PartyKind } from '@loanmesh/entity-resolution';
import { Neo4jService } from '@loanmesh/neo4j';

import {
  COMPANY_PAIRS,
  CONFIRM_CANDIDATE,
  GET_CANDIDATE,
  LIST_CANDIDATES,
  PERSON_PAIRS,
  REJECT_CANDIDATE,
  UPSERT_CANDIDATES,
} from './entity-resolution.cypher';

export type CandidateStatus = 'PENDING' | 'AUTO_LINKED' | 'CONFIRMED' | 'REJECTED';

export interface CandidateRow {
  id: string;
  kind: PartyKind;
  aId: string;
  bId: string;
  status: CandidateStatus;
  evidence: MatchEvidence;
}

export interface CandidateRef {
  status: CandidateStatus;
  kind: PartyKind;
  aId: string;
  bId: string;
}

export type StoredCandidate = Record<string, unknown> & { id: string; status: CandidateStatus };

@Injectable()
export class EntityResolutionRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  async findPairs(kind: PartyKind, ids: readonly string[], maxBlock: number): Promise<PairFacts[]> {
    const rows = await this.neo4j.read<Omit<PairFacts, 'kind'>>(
      kind === 'person' ? PERSON_PAIRS : COMPANY_PAIRS,
      { ids, maxBlock },
      60_000,
    );
    return rows.map((r) => ({ ...r, kind }));
  }

  async upsert(rows: readonly CandidateRow[]): Promise<number> {
    if (rows.length === 0) {
      return 0;
    }
    const result = await this.neo4j.write<{ links: number }>(UPSERT_CANDIDATES, { rows }, 60_000);
    return result[0]?.links ?? 0;
  }

  list(status: CandidateStatus | null, limit: number): Promise<StoredCandidate[]> {
    return this.neo4j
      .read<{ candidate: StoredCandidate }>(LIST_CANDIDATES, { status, limit })
      .then((rows) => rows.map((r) => r.candidate));
  }

  async find(id: string): Promise<CandidateRef | undefined> {
    const rows = await this.neo4j.read<CandidateRef & Record<string, unknown>>(GET_CANDIDATE, { id });
    return rows[0];
  }

  async confirm(id: string, by: string): Promise<void> {
    await this.neo4j.write(CONFIRM_CANDIDATE, { id, by });
  }

  async reject(id: string, by: string): Promise<void> {
    await this.neo4j.write(REJECT_CANDIDATE, { id, by });
  }
}
