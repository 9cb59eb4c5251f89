import type { DataSourceOptions, EntitySchema, MigrationInterface } from 'typeorm';

export interface DatabaseOptions {
  url: string;
  /** Each service owns one PostgreSQL schema and its own migration history. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity classes
  entities: (Function | EntitySchema)[];
  migrations: (new () => MigrationInterface)[];
  poolSize?: number;
}

/** TypeORM settings shared by all services: migrations only, never synchronize. */
export function createDataSourceOptions(o: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: o.url,
    schema: o.schema,
    entities: o.entities,
    migrations: o.migrations,
    migrationsTableName: `${o.schema}_migrations`,
    migrationsRun: true,
    synchronize: false,
    logging: ['error'],
    extra: { max: o.poolSize ?? 10, application_name: `loanmesh-${o.schema}` },
  };
}
