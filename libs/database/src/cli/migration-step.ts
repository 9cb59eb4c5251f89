import { Logger } from '@nestjs/common';
import type { MigrationInterface } from 'typeorm';

import { databaseConfig, loadConfig, LOCAL_ENV } from '@loanmesh/config';

import { migrateSchema } from '../database-root.module';

export interface MigrationStepSpec {
  service: string;
  schema: string;
  migrations: (new () => MigrationInterface)[];
  appendOnlyTables?: readonly string[];
}

/**
 * A service's migration step as its own process (`npm run db:migrate`, a Kubernetes Job):
 * migrates as DATABASE_MIGRATION_URL (else DATABASE_URL), grants the application role of
 * DATABASE_URL, exits 0; exits 1 naming the failure. Services then boot with
 * DATABASE_MIGRATIONS_AT_BOOT=false and only check nothing is pending.
 */
export function runMigrationStep(spec: MigrationStepSpec, env: Record<string, string | undefined> = process.env): void {
  const logger = new Logger(`migrate:${spec.service}`);
  const config = loadConfig(databaseConfig, { ...LOCAL_ENV, ...env });
  migrateSchema({
    url: config.DATABASE_URL,
    migrationUrl: config.DATABASE_MIGRATION_URL,
    schema: spec.schema,
    entities: [],
    migrations: spec.migrations,
    appendOnlyTables: spec.appendOnlyTables,
  }).then(
    () => {
      logger.log(`schema ${spec.schema} is up to date`);
      process.exit(0);
    },
    (e: unknown) => {
      logger.error(`migrating schema ${spec.schema} failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
