import { z } from 'zod';

import { databaseConfig, httpConfig, kafkaConfig, piiConfig } from '@loanmesh/config';
import type { loadConfig } from '@loanmesh/config';

/** Everything the ingestion service reads from its environment, validated once at boot. */
export const ingestionConfigShape = {
  ...httpConfig,
  ...kafkaConfig,
  ...databaseConfig,
  ...piiConfig,
  /** Records applied per database transaction (one partition's chunk). */
  /** Applications older than this (by submittedAt) are stored as history, not sent to be decided. */
  APPLICATION_DECISION_WINDOW_HOURS: z.coerce.number().positive().default(72),
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
};

export type IngestionConfig = ReturnType<typeof loadConfig<typeof ingestionConfigShape>>;
