import { Injectable } from '@nestjs/common';

import type { HealthIndicator } from '@loanmesh/observability';

import { Neo4jService } from './neo4j.service';

@Injectable()
export class Neo4jHealthIndicator implements HealthIndicator {
  readonly name = 'neo4j';

  constructor(private readonly neo4j: Neo4jService) {}

  check(): Promise<void> {
    return this.neo4j.ping();
  }
}
