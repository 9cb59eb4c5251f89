import { type DynamicModule, Global, Module } from '@nestjs/common';

import { createNeo4jDriver } from './neo4j-driver.factory';
import { Neo4jHealthIndicator } from './neo4j-health.indicator';
import { Neo4jService } from './neo4j.service';
import { NEO4J_DRIVER, type Neo4jModuleOptions } from './neo4j.tokens';

@Global()
@Module({})
export class Neo4jModule {
  static forRoot(options: Neo4jModuleOptions): DynamicModule {
    return {
      module: Neo4jModule,
      providers: [
        { provide: NEO4J_DRIVER, useFactory: () => createNeo4jDriver(options) },
        Neo4jService,
        Neo4jHealthIndicator,
      ],
      exports: [Neo4jService, Neo4jHealthIndicator],
    };
  }
}
