import { z } from 'zod';

import { databaseConfig, httpConfig, kafkaConfig, piiConfig } from '@loanmesh/config';
import type { loadConfig } from '@loanmesh/config';
import { serviceAuthConfig } from '@loanmesh/service-auth';

/** Everything the ingestion service reads from its environment, validated once at boot. */
export const ingestionConfigShape = {
  ...httpConfig,
  ...kafkaConfig,
  ...databaseConfig,
  ...piiConfig,
  ...serviceAuthConfig,
  /** Applications older than this (by submittedAt) are stored as history, not sent to be decided. */
  APPLICATION_DECISION_WINDOW_HOURS: z.coerce.number().positive().default(72),
  /** Records applied per database transaction (one partition's chunk). */
  INGESTION_CHUNK_SIZE: z.coerce.number().int().min(1).max(5000).default(2500),
  /** Partitions whose chunks are applied in parallel (each on its own connection). */
  INGESTION_PARTITIONS_CONCURRENTLY: z.coerce.number().int().min(1).max(32).default(3),
  /** Outbox rows per relay transaction. */
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(10000).default(1000),
  /** Published outbox rows are deleted by the relay after this long (replays need them only briefly). */
  OUTBOX_RETENTION_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(30 * 86400)
    .default(86400),
  /**
   * How long the relay holds an application until ingestion has accepted everything core
   * banking sent before it; past this it is announced as unconfirmed and goes to a human.
   */
  FRESHNESS_BARRIER_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(2000),
  /** Relay poll interval when idle; commits of this process wake it at once. */
  OUTBOX_IDLE_POLL_MS: z.coerce.number().int().min(5).max(60000).default(50),
  /**
   * How long a parked application waits for its company (counted from when ingestion parked
   * it) before it is expired and sent to a human as incomplete.
   */
  PARKED_APPLICATION_TIMEOUT_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 86400)
    .default(900),
  /** How often the sweeper looks for parked applications past the timeout. */
  PARKED_SWEEP_INTERVAL_MS: z.coerce.number().int().min(50).max(3_600_000).default(5000),
  /** Parked applications expired per transaction; a sweep runs batches until none is due. */
  PARKED_SWEEP_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
};

export type IngestionConfig = ReturnType<typeof loadConfig<typeof ingestionConfigShape>>;
