import { Test, type TestingModule } from '@nestjs/testing';

import { loadConfig, LOCAL_ENV } from '@loanmesh/config';
import {
  applyGraphMigrations,
  GRAPH_MIGRATIONS_DIR,
  loadGraphMigrations,
  Neo4jModule,
  Neo4jService,
} from '@loanmesh/neo4j';
import { ObservabilityModule } from '@loanmesh/observability';
import { TEST_INFRA_ENV } from '@loanmesh/testing';

import { GraphConfigModule } from '../config/graph-config.module';
import { graphConfigShape, type GraphConfig } from '../config/graph.config';
import { EntityResolutionModule } from '../entity-resolution/entity-resolution.module';
import { GraphMemoryModule } from '../graph-memory/graph-memory.module';
import { GraphFeaturesModule } from '../graph-features/graph-features.module';
import { GraphWriteRepository } from '../graph-writer/graph-write.repository';
import { GraphWriterService } from '../graph-writer/graph-writer.service';

export function testConfig(overrides: Record<string, string> = {}): GraphConfig {
  return loadConfig(graphConfigShape, {
    ...LOCAL_ENV,
    ...TEST_INFRA_ENV,
    HTTP_PORT: '3902',
    SERVICE_NAME: 'graph-test',
    KAFKA_CLIENT_ID: 'graph-test',
    KAFKA_GROUP_ID: 'graph-test',
    ...overrides,
  });
}

/** Writer, resolution and features against the real local Neo4j (no Kafka). */
export async function graphTestModule(config = testConfig()): Promise<TestingModule> {
  const module = await Test.createTestingModule({
    imports: [
      GraphConfigModule.forRoot(config),
      Neo4jModule.forRoot({ url: config.NEO4J_URL, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD }),
      EntityResolutionModule,
      GraphFeaturesModule,
      GraphMemoryModule,
      // Metrics, and the shutdown registry the graph's services register their drain with.
      ObservabilityModule.forRoot(),
    ],
    providers: [GraphWriteRepository, GraphWriterService],
  }).compile();
  await applyGraphMigrations(module.get(Neo4jService), loadGraphMigrations(GRAPH_MIGRATIONS_DIR));
  await module.init();
  return module;
}

/** Deletes only this suite's nodes: prefixed ids, their phones, candidates and accounts. */
export async function deleteSuiteGraph(neo4j: Neo4jService, prefix: string): Promise<void> {
  await neo4j.write(`MATCH (n)-[:HAS_PHONE]->(p:Phone) WHERE n.id STARTS WITH $prefix DETACH DELETE p`, { prefix });
  await neo4j.write(`MATCH (a:Account) WHERE a.id STARTS WITH $prefix DETACH DELETE a`, { prefix });
  await neo4j.write(`MATCH (m:MatchCandidate) WHERE m.aId STARTS WITH $prefix DETACH DELETE m`, { prefix });
  await neo4j.write(`MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n`, { prefix });
}
