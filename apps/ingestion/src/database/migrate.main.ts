import { runMigrationStep } from '@loanmesh/database';

import { INGESTION_SCHEMA, ingestionMigrations } from './ingestion-database';

/** `npm run db:migrate` and the production migration Job: this service's schema migrated, then exit. */
runMigrationStep({ service: 'ingestion', schema: INGESTION_SCHEMA, migrations: ingestionMigrations });
