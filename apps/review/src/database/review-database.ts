import { createSchemaMigration } from '@loanmesh/database';

/** The PostgreSQL schema this service owns, its entities and its migrations in order. */
export const REVIEW_SCHEMA = 'review';
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity classes
export const reviewEntities: Function[] = [];
export const reviewMigrations = [createSchemaMigration(REVIEW_SCHEMA)];
