import { type DynamicModule, Module } from '@nestjs/common';
import { Neo4jHealthIndicator, Neo4jModule } from '@loanmesh/neo4j';

import { ALL_TOPICS, DeadLetterTopics } from '@loanmesh/contracts';
import { APP_CONFIG } from '@loanmesh/config';
import { KafkaHealthIndicator, KafkaModule } from '@loanmesh/kafka';
import { ObservabilityModule } from '@loanmesh/observability';

import type { GraphConfig } from './config/graph.config';

@Module({})
export class GraphAppModule {
  static forRoot(config: GraphConfig): DynamicModule {
    return {
      module: GraphAppModule,
      imports: [
        ObservabilityModule.forRoot(KafkaHealthIndicator, Neo4jHealthIndicator),
        KafkaModule.forRoot({
          brokers: config.KAFKA_BROKERS,
          clientId: config.KAFKA_CLIENT_ID,
          deadLetterTopic: DeadLetterTopics.graph,
          topics: ALL_TOPICS,
        }),
        Neo4jModule.forRoot({ url: config.NEO4J_URL, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD }),
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
