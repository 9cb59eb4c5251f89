import { type DynamicModule, Module } from '@nestjs/common';
import { databaseRootModule, DatabaseHealthIndicator, DatabaseHealthModule } from '@loanmesh/database';
import { REVIEW_SCHEMA, reviewEntities, reviewMigrations } from './database/review-database';

import { ALL_TOPICS, DeadLetterTopics } from '@loanmesh/contracts';
import { APP_CONFIG } from '@loanmesh/config';
import { KafkaHealthIndicator, KafkaModule } from '@loanmesh/kafka';
import { ObservabilityModule } from '@loanmesh/observability';

import type { ReviewConfig } from './config/review.config';

@Module({})
export class ReviewAppModule {
  static forRoot(config: ReviewConfig): DynamicModule {
    return {
      module: ReviewAppModule,
      imports: [
        ObservabilityModule.forRoot(KafkaHealthIndicator, DatabaseHealthIndicator),
        KafkaModule.forRoot({
          brokers: config.KAFKA_BROKERS,
          clientId: config.KAFKA_CLIENT_ID,
          deadLetterTopic: DeadLetterTopics.review,
          topics: ALL_TOPICS,
        }),
        DatabaseHealthModule,
        databaseRootModule({
          url: config.DATABASE_URL,
          schema: REVIEW_SCHEMA,
          entities: reviewEntities,
          migrations: reviewMigrations,
          poolSize: config.DATABASE_POOL_SIZE,
        }),
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
