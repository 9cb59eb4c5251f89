import { createSchemaMigration } from '@loanmesh/database';

/** The PostgreSQL schema this service owns, its entities and its migrations in order. */
export const INFERENCE_SCHEMA = 'inference';
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity classes
export const inferenceEntities: Function[] = [];
export const inferenceMigrations = [createSchemaMigration(INFERENCE_SCHEMA)];
