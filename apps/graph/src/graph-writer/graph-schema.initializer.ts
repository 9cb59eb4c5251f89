import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';
import { applyGraphMigrations, GRAPH_MIGRATIONS_DIR, loadGraphMigrations, Neo4jService } from '@loanmesh/neo4j';

import type { GraphConfig } from '../config/graph.config';

/** Applies pending graph migrations (constraints, indexes) before the writer starts. */
@Injectable()
export class GraphSchemaInitializer implements OnModuleInit {
  private readonly logger = new Logger(GraphSchemaInitializer.name);

  constructor(
    private readonly neo4j: Neo4jService,
    @Inject(APP_CONFIG) private readonly config: Pick<GraphConfig, 'GRAPH_MIGRATE_ON_START'>,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.GRAPH_MIGRATE_ON_START) {
      return;
    }
    const applied = await applyGraphMigrations(this.neo4j, loadGraphMigrations(GRAPH_MIGRATIONS_DIR));
    this.logger.log({ msg: 'graph schema ready', applied });
  }
}
