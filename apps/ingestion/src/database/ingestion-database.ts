import { createSchemaMigration } from '@loanmesh/database';

/** The PostgreSQL schema this service owns, its entities and its migrations in order. */
export const INGESTION_SCHEMA = 'ingestion';
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity classes
export const ingestionEntities: Function[] = [];
export const ingestionMigrations = [createSchemaMigration(INGESTION_SCHEMA)];
