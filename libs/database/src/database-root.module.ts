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
 * Migrates as the owner role (`migrationUrl`), grants the application role what the service
 * needs, closes the owner's connection, and returns the application role's data source:
 * the running service never holds a connection that owns its tables.
 */
export async function initializeAsApplicationRole(
  options: SchemaOptions,
  o: DatabaseOptions & { migrationUrl: string },
): Promise<DataSource> {
  const owner = await initializeDataSource({
    ...createDataSourceOptions({ ...o, url: o.migrationUrl, entities: [], poolSize: 1 }),
    migrationsRun: true,
  });
  try {
    const app = roleOfUrl(o.url);
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
  return new DataSource({ ...options, migrationsRun: false }).initialize();
}

export function databaseRootModule(o: DatabaseOptions): DynamicModule {
  const { migrationUrl } = o;
  return TypeOrmModule.forRootAsync({
    useFactory: () => ({ ...createDataSourceOptions(o), retryAttempts: 3, retryDelay: 1000 }),
    dataSourceFactory: (options) =>
      migrationUrl === undefined
        ? initializeDataSource(options as SchemaOptions)
        : initializeAsApplicationRole(options as SchemaOptions, { ...o, migrationUrl }),
  });
}
