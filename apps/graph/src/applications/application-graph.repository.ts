import { Injectable } from '@nestjs/common';

import { Neo4jService } from '@loanmesh/neo4j';

import { EGO_GRAPH, FIND_APPLICATION } from './ego-graph.cypher';
import type { EgoGraph } from './ego-graph.types';

export interface ApplicationRef {
  companyId: string;
  submittedAt: string;
}

@Injectable()
export class ApplicationGraphRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  async find(id: string): Promise<ApplicationRef | undefined> {
    const rows = await this.neo4j.read<ApplicationRef & Record<string, unknown>>(FIND_APPLICATION, { id }, 2000);
    return rows[0];
  }

  async egoGraph(companyId: string, asOf: string, cap: number): Promise<EgoGraph> {
    const rows = await this.neo4j.read<EgoGraph & Record<string, unknown>>(EGO_GRAPH, { companyId, asOf, cap }, 5000);
    return rows[0] ?? { nodes: [], edges: [] };
  }
}
