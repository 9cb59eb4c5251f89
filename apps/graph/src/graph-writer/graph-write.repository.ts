import { Injectable } from '@nestjs/common';

import { Neo4jService } from '@loanmesh/neo4j';

import { GRAPH_WRITE_CYPHER } from './graph-write.cypher';
import { ROW_BUCKETS, type GraphRows } from './graph-rows.types';

const CHUNK = 10_000;

/** Writes the rows of one flush: one UNWIND transaction per bucket, nodes first, serially. */
@Injectable()
export class GraphWriteRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  async write(rows: GraphRows): Promise<void> {
    for (const bucket of ROW_BUCKETS) {
      const list = rows[bucket];
      for (let i = 0; i < list.length; i += CHUNK) {
        await this.neo4j.write(GRAPH_WRITE_CYPHER[bucket], { rows: list.slice(i, i + CHUNK) }, 120_000);
      }
    }
  }
}
