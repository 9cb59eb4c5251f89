import { type DynamicModule, Module } from '@nestjs/common';

import { APP_CONFIG, kafkaConnectionOf } from '@loanmesh/config';
import { DeadLetterTopics, topicsOfService } from '@loanmesh/contracts';
import { databaseRootModule, DatabaseHealthIndicator, DatabaseHealthModule } from '@loanmesh/database';
import { KafkaHealthIndicator, KafkaModule } from '@loanmesh/kafka';
import { ObservabilityModule } from '@loanmesh/observability';
import { ServiceAuthModule } from '@loanmesh/service-auth';

import { ChallengerModule } from './challenger/challenger.module';
import { DriftModule } from './drift/drift.module';
import type { InferenceConfig } from './config/inference.config';
import {
  INFERENCE_APPEND_ONLY_TABLES,
  INFERENCE_SCHEMA,
  inferenceEntities,
  inferenceMigrations,
} from './database/inference-database';
import { ChampionLoadedHealthIndicator } from './health/champion-loaded.health-indicator';
import { PromotionRequestsModule } from './promotion-requests/promotion-requests.module';
import { RegistryModule } from './registry/registry.module';
import { ReplayModule } from './replay/replay.module';
import { ModelServingModule } from './scoring/model-serving.module';
import { ScoringModule } from './scoring/scoring.module';

@Module({})
export class InferenceAppModule {
  static forRoot(config: InferenceConfig): DynamicModule {
    return {
      module: InferenceAppModule,
      global: true,
      imports: [
        ObservabilityModule.forRoot(KafkaHealthIndicator, DatabaseHealthIndicator, ChampionLoadedHealthIndicator),
        ServiceAuthModule.forRoot({ service: 'inference', config, scope: 'all' }),
        KafkaModule.forRoot({
          connection: kafkaConnectionOf(config),
          clientId: config.KAFKA_CLIENT_ID,
          deadLetterTopic: DeadLetterTopics.inference,
          topics: topicsOfService('inference'),
          maxAttempts: config.KAFKA_MAX_ATTEMPTS,
        }),
        DatabaseHealthModule,
        databaseRootModule({
          url: config.DATABASE_URL,
          schema: INFERENCE_SCHEMA,
          entities: inferenceEntities,
          migrations: inferenceMigrations,
          poolSize: config.DATABASE_POOL_SIZE,
          migrationUrl: config.DATABASE_MIGRATION_URL,
          migrationsAtBoot: config.DATABASE_MIGRATIONS_AT_BOOT,
          appendOnlyTables: INFERENCE_APPEND_ONLY_TABLES,
        }),
        ModelServingModule,
        // Before the registry: `/models/comparison` must be routed ahead of `/models/:id`.
        ChallengerModule,
        DriftModule,
        RegistryModule,
        PromotionRequestsModule,
        ReplayModule,
        ScoringModule,
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
