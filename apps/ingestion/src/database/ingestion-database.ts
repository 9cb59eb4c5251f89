import {
  createInboxIdentityMigration,
  createInboxMigration,
  createOutboxMigration,
  createOutboxQuarantineMigration,
  createSchemaMigration,
  InboxMessageEntity,
  OutboxMessageEntity,
} from '@loanmesh/database';

import { ConsumerProgressMigration1764000004000 } from './migrations/consumer-progress.migration';
import { EventSourceMigration1764000003000 } from './migrations/event-source.migration';
import { ApplicationAccountingMigration1764000005000 } from './migrations/application-accounting.migration';
import { IngestionStoreMigration1764000001000 } from './migrations/ingestion-store.migration';
import { ParkedApplicationExpiryMigration1764000006000 } from './migrations/parked-application-expiry.migration';
import { ParkedApplicationsMigration1764000002000 } from './migrations/parked-applications.migration';
import { DeadLetterEntity } from '../dead-letters/dead-letter.entity';
import { storeEntities } from '../store/store.entities';

/** The PostgreSQL schema this service owns, its entities and its migrations in order. */
export const INGESTION_SCHEMA = 'ingestion';
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity classes
export const ingestionEntities: Function[] = [
  ...storeEntities,
  DeadLetterEntity,
  InboxMessageEntity,
  OutboxMessageEntity,
];
export const ingestionMigrations = [
  createSchemaMigration(INGESTION_SCHEMA),
  createInboxMigration(INGESTION_SCHEMA),
  createInboxIdentityMigration(INGESTION_SCHEMA),
  createOutboxMigration(INGESTION_SCHEMA),
  createOutboxQuarantineMigration(INGESTION_SCHEMA),
  IngestionStoreMigration1764000001000,
  ParkedApplicationsMigration1764000002000,
  EventSourceMigration1764000003000,
  ConsumerProgressMigration1764000004000,
  ApplicationAccountingMigration1764000005000,
  ParkedApplicationExpiryMigration1764000006000,
];
