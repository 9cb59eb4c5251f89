import type { DataSourceOptions, EntitySchema, MigrationInterface } from 'typeorm';

import { ListenedPgClient } from './listened-pg.client';
import { MaskingTypeOrmLogger } from './masking-typeorm.logger';

export interface DatabaseOptions {
  url: string;
  /** Each service owns one PostgreSQL schema and its own migration history. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity classes
  entities: (Function | EntitySchema)[];
  migrations: (new () => MigrationInterface)[];
  poolSize?: number;
  /**
   * The owner role's URL. When set, migrations run through it at boot and the service then
   * connects with `url` (the application role); unset, `url` migrates and serves alike.
   */
  migrationUrl?: string;
  /** Tables the application role may only read and append to (with `migrationUrl`). */
  appendOnlyTables?: readonly string[];
  /** false: migrations are a separate step; the service only checks none is pending. */
  migrationsAtBoot?: boolean;
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
    migrationsRun: o.migrationUrl === undefined,
    synchronize: false,
    logging: ['error'],
    // TypeORM's own logger prints parameters (personal data) around the masking logger.
    logger: new MaskingTypeOrmLogger(),
    // A database that does not answer a new connection within 10 s is an outage to retry
    // (readiness down), not a wait without end.
    connectTimeoutMS: 10_000,
    extra: { max: o.poolSize ?? 10, application_name: `loanmesh-${o.schema}`, Client: ListenedPgClient },
  };
}
