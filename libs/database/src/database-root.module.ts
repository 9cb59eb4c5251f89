import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';

import { createDataSourceOptions, type DatabaseOptions } from './typeorm-options.factory';

/**
 * TypeORM keeps its migration history inside the service's schema, so the schema must
 * exist before the first migration runs; this creates it, then runs pending migrations.
 */
export async function initializeDataSource(options: DataSourceOptions & { schema?: string }): Promise<DataSource> {
  const bootstrap = new DataSource({ ...options, migrationsRun: false, entities: [], migrations: [] });
  await bootstrap.initialize();
  try {
    await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema ?? 'public'}"`);
  } finally {
    await bootstrap.destroy();
  }
  return new DataSource(options).initialize();
}

export function databaseRootModule(o: DatabaseOptions): DynamicModule {
  return TypeOrmModule.forRootAsync({
    useFactory: () => ({ ...createDataSourceOptions(o), retryAttempts: 3, retryDelay: 1000 }),
    dataSourceFactory: (options) => initializeDataSource(options as DataSourceOptions & { schema?: string }),
  });
}
