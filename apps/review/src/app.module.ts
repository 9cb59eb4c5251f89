import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';

import { APP_CONFIG, kafkaConnectionOf } from '@loanmesh/config';
import { DeadLetterTopics, topicsOfService } from '@loanmesh/contracts';
import { databaseRootModule, DatabaseHealthIndicator, DatabaseHealthModule } from '@loanmesh/database';
import { KafkaHealthIndicator, KafkaModule } from '@loanmesh/kafka';
import { ObservabilityModule } from '@loanmesh/observability';
import { ServiceAuthModule } from '@loanmesh/service-auth';

import { AccountingModule } from './accounting/accounting.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { OidcModule } from './auth/oidc/oidc.module';
import { CasesModule } from './cases/cases.module';
import type { ReviewConfig } from './config/review.config';
import { ConsoleModule } from './console/console.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { REVIEW_APPEND_ONLY_TABLES, REVIEW_SCHEMA, reviewEntities, reviewMigrations } from './database/review-database';
import { DecisionsModule } from './decisions/decisions.module';
import { GraphModule } from './graph/graph.module';
import { ReplayModule } from './replay/replay.module';
import { LabellingModule } from './labelling/labelling.module';
import { LabelsModule } from './labels/labels.module';
import { ModelsModule } from './models/models.module';
import { PolicyModule } from './policy/policy.module';
import { SecurityEventsModule } from './security-events/security-events.module';
import { SecurityHeadersMiddleware } from './security-headers/security-headers.middleware';
import { UsersModule } from './users/users.module';
import { WatchlistModule } from './watchlist/watchlist.module';

@Module({})
export class ReviewAppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SecurityHeadersMiddleware).forRoutes('{*path}');
  }

  static forRoot(config: ReviewConfig): DynamicModule {
    return {
      module: ReviewAppModule,
      global: true,
      imports: [
        ObservabilityModule.forRoot(KafkaHealthIndicator, DatabaseHealthIndicator),
        ServiceAuthModule.forRoot({ service: 'review', config, scope: 'metrics' }),
        KafkaModule.forRoot({
          connection: kafkaConnectionOf(config),
          clientId: config.KAFKA_CLIENT_ID,
          deadLetterTopic: DeadLetterTopics.review,
          topics: topicsOfService('review'),
          maxAttempts: config.KAFKA_MAX_ATTEMPTS,
        }),
        DatabaseHealthModule,
        databaseRootModule({
          url: config.DATABASE_URL,
          schema: REVIEW_SCHEMA,
          entities: reviewEntities,
          migrations: reviewMigrations,
          poolSize: config.DATABASE_POOL_SIZE,
          migrationUrl: config.DATABASE_MIGRATION_URL,
          migrationsAtBoot: config.DATABASE_MIGRATIONS_AT_BOOT,
          appendOnlyTables: REVIEW_APPEND_ONLY_TABLES,
        }),
        AuthModule,
        OidcModule.forRoot(config),
        SecurityEventsModule,
        UsersModule,
        PolicyModule,
        DecisionsModule,
        CasesModule,
        LabelsModule,
        LabellingModule,
        AuditModule,
        DashboardModule,
        GraphModule,
        ReplayModule,
        ModelsModule,
        AccountingModule,
        WatchlistModule,
        ConsoleModule,
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
