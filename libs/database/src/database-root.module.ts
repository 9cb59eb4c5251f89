import { type DynamicModule, Logger } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';

import { grantApplicationRole, roleOfUrl } from './database-roles';
import { createDataSourceOptions, type DatabaseOptions } from './typeorm-options.factory';

type SchemaOptions = DataSourceOptions & { schema?: string };

/**
 * TypeORM keeps its migration history inside the service's schema, so the schema must
 * exist before the first migration runs; this creates it when missing (a role that may not
 * create schemas boots fine once it exists), then runs pending migrations.
 */
export async function initializeDataSource(options: SchemaOptions): Promise<DataSource> {
  const schema = options.schema ?? 'public';
  const bootstrap = new DataSource({ ...options, migrationsRun: false, entities: [], migrations: [] });
  await bootstrap.initialize();
  try {
    const found = await bootstrap.query<unknown[]>('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (found.length === 0) {
      await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    }
  } finally {
    await bootstrap.destroy();
  }
  return new DataSource(options).initialize();
}

/**
 * The migration step on its own: runs the pending migrations as the owner role
 * (`migrationUrl`, else `url`) and, when the service connects as another role, grants that
 * role what it needs. Run at boot (DATABASE_MIGRATIONS_AT_BOOT) or by the `migrate` app.
 */
export async function migrateSchema(o: DatabaseOptions): Promise<void> {
  const ownerUrl = o.migrationUrl ?? o.url;
  const owner = await initializeDataSource({
    ...createDataSourceOptions({ ...o, url: ownerUrl, entities: [], poolSize: 1 }),
    migrationsRun: true,
  });
  try {
    const app = roleOfUrl(o.url);
    if (o.migrationUrl === undefined) {
      return;
    }
    if (app === undefined || app === roleOfUrl(o.migrationUrl)) {
      new Logger('Database').warn({
        msg: 'DATABASE_URL connects as the owner role: the append-only tables are not protected from the service',
        schema: o.schema,
      });
    } else {
      await grantApplicationRole(owner, app, {
        schema: o.schema,
        migrationsTable: `${o.schema}_migrations`,
        appendOnlyTables: o.appendOnlyTables ?? [],
      });
    }
  } finally {
    await owner.destroy();
  }
}

/** Thrown at boot when migrations are a separate step and it has not run. */
export class PendingMigrationsError extends Error {
  constructor(schema: string) {
    super(
      `schema ${schema} has pending migrations and DATABASE_MIGRATIONS_AT_BOOT=false: ` +
        'run the migration step first (npm run db:migrate, or node dist/apps/migrate/src/main.js)',
    );
  }
}

/**
 * The service's data source: after migrating (at boot) or after checking the separate step
 * left nothing pending. With `migrationUrl`, the running service connects as the
 * application role only: it never holds a connection that owns its tables.
 */
export async function initializeServiceDataSource(options: SchemaOptions, o: DatabaseOptions): Promise<DataSource> {
  if (o.migrationsAtBoot ?? true) {
    await migrateSchema(o);
  }
  const source = await new DataSource({ ...options, migrationsRun: false }).initialize();
  if (!(o.migrationsAtBoot ?? true) && (await hasPendingMigrations(source, o.schema))) {
    await source.destroy();
    throw new PendingMigrationsError(o.schema);
  }
  return source;
}

/** Pending, or never migrated (TypeORM's own check would try to create the history table). */
async function hasPendingMigrations(source: DataSource, schema: string): Promise<boolean> {
  const [{ history }] = await source.query<{ history: string | null }[]>('SELECT to_regclass($1) AS history', [
    `"${schema}"."${schema}_migrations"`,
  ]);
  return history === null || (await source.showMigrations());
}

export function databaseRootModule(o: DatabaseOptions): DynamicModule {
  return TypeOrmModule.forRootAsync({
    useFactory: () => ({ ...createDataSourceOptions(o), retryAttempts: 3, retryDelay: 1000 }),
    dataSourceFactory: (options) => initializeServiceDataSource(options as SchemaOptions, o),
  });
}
