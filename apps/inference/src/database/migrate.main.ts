import { runMigrationStep } from '@loanmesh/database';

import { INFERENCE_APPEND_ONLY_TABLES, INFERENCE_SCHEMA, inferenceMigrations } from './inference-database';

/** `npm run db:migrate` and the production migration Job: this service's schema migrated, then exit. */
runMigrationStep({
  service: 'inference',
  schema: INFERENCE_SCHEMA,
  migrations: inferenceMigrations,
  appendOnlyTables: INFERENCE_APPEND_ONLY_TABLES,
});
