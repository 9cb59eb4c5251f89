import { runMigrationStep } from '@loanmesh/database';

import { REVIEW_APPEND_ONLY_TABLES, REVIEW_SCHEMA, reviewMigrations } from './review-database';

/** `npm run db:migrate` and the production migration Job: this service's schema migrated, then exit. */
runMigrationStep({
  service: 'review',
  schema: REVIEW_SCHEMA,
  migrations: reviewMigrations,
  appendOnlyTables: REVIEW_APPEND_ONLY_TABLES,
});
