import type { DataSource } from 'typeorm';

import { databaseConfig, loadConfig } from '@loanmesh/config';
import { createDataSourceOptions, initializeDataSource } from '@loanmesh/database';

import { REVIEW_SCHEMA, reviewEntities, reviewMigrations } from './review-database';

/**
 * Review's database for a command-line tool (`npm run users`, `npm run labels`): DATABASE_URL
 * validated, then opened as the service boots it (schema created, pending migrations run, so a
 * fresh database works too), with one connection.
 */
export function openReviewDataSource(env: Record<string, string | undefined>): Promise<DataSource> {
  const { DATABASE_URL } = loadConfig({ DATABASE_URL: databaseConfig.DATABASE_URL }, env);
  return initializeDataSource(
    createDataSourceOptions({
      url: DATABASE_URL,
      schema: REVIEW_SCHEMA,
      entities: reviewEntities,
      migrations: reviewMigrations,
      poolSize: 1,
    }),
  );
}
