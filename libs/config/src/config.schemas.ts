import { z } from 'zod';

import { kafkaConnectionConfig } from './kafka-connection.config';
import { isProductionEnv, secret } from './secret-config';

const port = z.coerce.number().int().min(1).max(65535);
/** An environment flag: exactly `true` or `false`. */
export const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Fragments each app composes into its own schema; only what it uses. */
export const httpConfig = {
  HTTP_PORT: port,
  /** 127.0.0.1 locally; 0.0.0.0 in containers. */
  HTTP_HOST: z.string().default('127.0.0.1'),
  SERVICE_NAME: z.string().min(1),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /**
   * Serve the OpenAPI description at /docs and /docs/json. Unset: on outside production,
   * off in production (`apiDocsEnabledOf`), so an API map is never published by accident.
   */
  API_DOCS_ENABLED: bool.optional(),
  /** Read only to tell production apart (`isProductionEnv`), as `loadConfig` does for secrets. */
  NODE_ENV: z.string().optional(),
  LOANMESH_ENV: z.string().optional(),
};

/** Whether /docs is served: the explicit setting, else on except in production. */
export function apiDocsEnabledOf(config: {
  API_DOCS_ENABLED?: boolean | undefined;
  NODE_ENV?: string | undefined;
  LOANMESH_ENV?: string | undefined;
}): boolean {
  return config.API_DOCS_ENABLED ?? !isProductionEnv({ NODE_ENV: config.NODE_ENV, LOANMESH_ENV: config.LOANMESH_ENV });
}

export const kafkaConfig = {
  ...kafkaConnectionConfig,
  KAFKA_CLIENT_ID: z.string().min(1),
  KAFKA_GROUP_ID: z.string().min(1),
  /**
   * Where a consumer group with no committed offset starts: the beginning (production: a new
   * replica or group must see the backlog) or the end (tests and benchmarks on a shared broker).
   */
  KAFKA_FROM_BEGINNING: bool.default(true),
  /**
   * Backoff of a partition whose records failed because a dependency is unavailable: the
   * partition is paused for INITIAL, doubling per consecutive failure up to MAX.
   */
  KAFKA_RETRY_INITIAL_MS: z.coerce.number().int().min(1).default(200),
  KAFKA_RETRY_MAX_MS: z.coerce.number().int().min(1).default(30_000),
  /** Attempts a record with an unrecognised failure gets before it is dead-lettered. */
  KAFKA_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(3),
};

export const neo4jConfig = {
  NEO4J_URL: z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, 'must be a bolt:// or neo4j:// URL'),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
};

export const databaseConfig = {
  /** The service's (application) role: reads and writes, cannot alter tables or rewrite ledgers. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  /**
   * The owner role, used only for the migrations at boot and then closed; unset,
   * DATABASE_URL migrates and serves alike (one role that owns the schema).
   */
  DATABASE_MIGRATION_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * true (local default): a service runs its pending migrations at boot. false (production):
   * a separate step migrates (`npm run db:migrate`, the `migrate` app; a Kubernetes Job), and a
   * service whose schema has pending migrations refuses to start and names that step.
   */
  DATABASE_MIGRATIONS_AT_BOOT: bool.default(true),
};

export const piiConfig = {
  /** Key for the keyed hashes of national ids and phone numbers (HMAC-SHA256); a secret (see `secret`). */
  PII_HASH_KEY: secret(z.string().min(16, 'must be at least 16 characters')),
};

export { bool as booleanString, port as portNumber };

/**
 * Where the test suites find their own Kafka and Neo4j (`scripts/test-infra.sh`), apart
 * from a locally running stack. PostgreSQL is shared: each suite makes its own database.
 */
export const testInfraConfig = {
  LOANMESH_TEST_KAFKA_PORT: port.default(19092),
  LOANMESH_TEST_NEO4J_PORT: port.default(17687),
  /** The test infra's data directory (default infra/.data-test): its Kafka CA is read from there. */
  LOANMESH_TEST_INFRA_DATA: z.string().min(1).optional(),
};
