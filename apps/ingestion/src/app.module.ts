import { type DynamicModule, Module } from '@nestjs/common';
import { databaseRootModule, DatabaseHealthIndicator, DatabaseHealthModule } from '@loanmesh/database';
import { INGESTION_SCHEMA, ingestionEntities, ingestionMigrations } from './database/ingestion-database';

import { ALL_TOPICS, DeadLetterTopics } from '@loanmesh/contracts';
import { APP_CONFIG } from '@loanmesh/config';
import { KafkaHealthIndicator, KafkaModule } from '@loanmesh/kafka';
import { ObservabilityModule } from '@loanmesh/observability';

import type { IngestionConfig } from './config/ingestion.config';

@Module({})
export class IngestionAppModule {
  static forRoot(config: IngestionConfig): DynamicModule {
    return {
      module: IngestionAppModule,
      imports: [
        ObservabilityModule.forRoot(KafkaHealthIndicator, DatabaseHealthIndicator),
        KafkaModule.forRoot({
          brokers: config.KAFKA_BROKERS,
          clientId: config.KAFKA_CLIENT_ID,
          deadLetterTopic: DeadLetterTopics.ingestion,
          topics: ALL_TOPICS,
        }),
        DatabaseHealthModule,
        databaseRootModule({
          url: config.DATABASE_URL,
          schema: INGESTION_SCHEMA,
          entities: ingestionEntities,
          migrations: ingestionMigrations,
          poolSize: config.DATABASE_POOL_SIZE,
        }),
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
