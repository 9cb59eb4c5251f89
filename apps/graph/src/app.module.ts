import { type DynamicModule, Module } from '@nestjs/common';

import { kafkaConnectionOf } from '@loanmesh/config';
import { DeadLetterTopics, topicsOfService } from '@loanmesh/contracts';
import { KafkaHealthIndicator, KafkaModule } from '@loanmesh/kafka';
import { Neo4jHealthIndicator, Neo4jModule } from '@loanmesh/neo4j';
import { ObservabilityModule } from '@loanmesh/observability';
import { ServiceAuthModule } from '@loanmesh/service-auth';

import { ApplicationsModule } from './applications/applications.module';
import { GraphConfigModule } from './config/graph-config.module';
import type { GraphConfig } from './config/graph.config';
import { EarlyWarningRelayHealthIndicator } from './early-warning/early-warning-relay.health-indicator';
import { EarlyWarningModule } from './early-warning/early-warning.module';
import { EntityResolutionModule } from './entity-resolution/entity-resolution.module';
import { GraphFreshnessHealthIndicator } from './freshness/graph-freshness.health-indicator';
import { GraphFreshnessModule } from './freshness/graph-freshness.module';
import { GraphReplicaModule } from './graph-replica/graph-replica.module';
import { GraphWriterModule } from './graph-writer/graph-writer.module';

@Module({})
export class GraphAppModule {
  static forRoot(config: GraphConfig): DynamicModule {
    return {
      module: GraphAppModule,
      imports: [
        GraphConfigModule.forRoot(config),
        ObservabilityModule.forRoot(
          KafkaHealthIndicator,
          Neo4jHealthIndicator,
          GraphFreshnessHealthIndicator,
          EarlyWarningRelayHealthIndicator,
        ),
        ServiceAuthModule.forRoot({ service: 'graph', config, scope: 'all' }),
        KafkaModule.forRoot({
          connection: kafkaConnectionOf(config),
          clientId: config.KAFKA_CLIENT_ID,
          deadLetterTopic: DeadLetterTopics.graph,
          topics: topicsOfService('graph'),
          maxAttempts: config.KAFKA_MAX_ATTEMPTS,
        }),
        Neo4jModule.forRoot({ url: config.NEO4J_URL, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD }),
        GraphFreshnessModule,
        EarlyWarningModule,
        GraphWriterModule,
        GraphReplicaModule,
        EntityResolutionModule,
        ApplicationsModule,
      ],
    };
  }
}
