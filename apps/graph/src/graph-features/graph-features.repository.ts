import { Injectable } from '@nestjs/common';

import type { HopEdge, LocalFacts } from '@loanmesh/features';
import { Neo4jService } from '@loanmesh/neo4j';

import { LOCAL_FEATURES, NEIGHBOUR_HOP } from './graph-features.cypher';

/** Read-only feature queries with tight server-side timeouts (the caller also holds a deadline). */
@Injectable()
export class GraphFeaturesRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  async local(id: string, asOf: string, timeoutMs: number): Promise<LocalFacts | undefined> {
    const rows = await this.neo4j.read<LocalFacts & Record<string, unknown>>(LOCAL_FEATURES, { id, asOf }, timeoutMs);
    return rows[0];
  }

  hop(ids: string[], asOf: string, timeoutMs: number): Promise<HopEdge[]> {
    return this.neo4j.read<HopEdge & Record<string, unknown>>(NEIGHBOUR_HOP, { ids, asOf }, timeoutMs);
  }
}
