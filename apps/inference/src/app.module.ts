import { type DynamicModule, Module } from '@nestjs/common';
import { databaseRootModule, DatabaseHealthIndicator, DatabaseHealthModule } from '@loanmesh/database';
import { INFERENCE_SCHEMA, inferenceEntities, inferenceMigrations } from './database/inference-database';

import { ALL_TOPICS, DeadLetterTopics } from '@loanmesh/contracts';
import { APP_CONFIG } from '@loanmesh/config';
import { KafkaHealthIndicator, KafkaModule } from '@loanmesh/kafka';
import { ObservabilityModule } from '@loanmesh/observability';

import type { InferenceConfig } from './config/inference.config';

@Module({})
export class InferenceAppModule {
  static forRoot(config: InferenceConfig): DynamicModule {
    return {
      module: InferenceAppModule,
      imports: [
        ObservabilityModule.forRoot(KafkaHealthIndicator, DatabaseHealthIndicator),
        KafkaModule.forRoot({
          brokers: config.KAFKA_BROKERS,
          clientId: config.KAFKA_CLIENT_ID,
          deadLetterTopic: DeadLetterTopics.inference,
          topics: ALL_TOPICS,
        }),
        DatabaseHealthModule,
        databaseRootModule({
          url: config.DATABASE_URL,
          schema: INFERENCE_SCHEMA,
          entities: inferenceEntities,
          migrations: inferenceMigrations,
          poolSize: config.DATABASE_POOL_SIZE,
        }),
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
