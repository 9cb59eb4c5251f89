import { type DynamicModule, Global, Module } from '@nestjs/common';

import { APP_CONFIG, kafkaConnectionOf } from '@loanmesh/config';
import { DeadLetterTopics, topicsOfService } from '@loanmesh/contracts';
import {
  databaseRootModule,
  DatabaseHealthIndicator,
  DatabaseHealthModule,
  KafkaOutboxPublisher,
  OutboxModule,
} from '@loanmesh/database';
import { KafkaHealthIndicator, KafkaModule } from '@loanmesh/kafka';
import { ObservabilityModule } from '@loanmesh/observability';
import { ServiceAuthModule } from '@loanmesh/service-auth';

import { AccountingModule } from './accounting/accounting.module';
import type { IngestionConfig } from './config/ingestion.config';
import { INGESTION_SCHEMA, ingestionEntities, ingestionMigrations } from './database/ingestion-database';
import { SystemClock } from './common/system-clock.service';
import { DeadLettersModule } from './dead-letters/dead-letters.module';
import { ConsumerProgressRepository } from './freshness/consumer-progress.repository';
import { FreshnessOutboxPublisher } from './freshness/freshness-outbox.publisher';
import { IngestModule } from './ingest/ingest.module';
import { ParkedModule } from './parked/parked.module';
import { StatsModule } from './stats/stats.module';

@Global()
@Module({})
export class IngestionAppModule {
  static forRoot(config: IngestionConfig): DynamicModule {
    return {
      module: IngestionAppModule,
      imports: [
        ObservabilityModule.forRoot(KafkaHealthIndicator, DatabaseHealthIndicator),
        ServiceAuthModule.forRoot({ service: 'ingestion', config, scope: 'all' }),
        KafkaModule.forRoot({
          connection: kafkaConnectionOf(config),
          clientId: config.KAFKA_CLIENT_ID,
          deadLetterTopic: DeadLetterTopics.ingestion,
          topics: topicsOfService('ingestion'),
          maxAttempts: config.KAFKA_MAX_ATTEMPTS,
        }),
        DatabaseHealthModule,
        databaseRootModule({
          url: config.DATABASE_URL,
          schema: INGESTION_SCHEMA,
          entities: ingestionEntities,
          migrations: ingestionMigrations,
          poolSize: config.DATABASE_POOL_SIZE,
          migrationUrl: config.DATABASE_MIGRATION_URL,
          migrationsAtBoot: config.DATABASE_MIGRATIONS_AT_BOOT,
        }),
        OutboxModule.forRoot({
          lockName: `${INGESTION_SCHEMA}.outbox`,
          batchSize: config.OUTBOX_BATCH_SIZE,
          idlePollMs: config.OUTBOX_IDLE_POLL_MS,
          retentionSeconds: config.OUTBOX_RETENTION_SECONDS,
          publisher: FreshnessOutboxPublisher,
          providers: [KafkaOutboxPublisher, ConsumerProgressRepository, SystemClock],
        }),
        IngestModule,
        DeadLettersModule,
        ParkedModule,
        StatsModule,
        AccountingModule,
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG, OutboxModule],
    };
  }
}
