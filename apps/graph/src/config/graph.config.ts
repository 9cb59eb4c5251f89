import { z } from 'zod';

import { booleanString, httpConfig, kafkaConfig, neo4jConfig } from '@loanmesh/config';
import type { loadConfig } from '@loanmesh/config';
import { DEFAULT_MATCH_THRESHOLDS, DEFAULT_MAX_BLOCK_SIZE } from '@loanmesh/entity-resolution';
import { serviceAuthConfig } from '@loanmesh/service-auth';

const positiveInt = z.coerce.number().int().positive();
const ratio = z.coerce.number().min(0).max(1);

/** Everything the graph service reads from its environment, validated once at boot. */
export const graphConfigShape = {
  ...httpConfig,
  ...kafkaConfig,
  ...neo4jConfig,
  ...serviceAuthConfig,
  /** Most domain events written in one UNWIND transaction. */
  GRAPH_BATCH_MAX_EVENTS: positiveInt.default(5_000),
  /**
   * Serve only applications whose company id starts with this (empty = all). Tests on the shared
   * broker set their id prefix, so they never publish features for other engineers' applications.
   */
  GRAPH_SERVE_COMPANY_PREFIX: z.string().default(''),
  /** Run the domain-event writer consumer; tests that write their own graph turn it off so they never write the shared backlog. */
  GRAPH_WRITER_ENABLED: booleanString.default(true),
  /** Consumer group of the batched domain-event writer (separate from the application handler's). */
  GRAPH_WRITER_GROUP_ID: z.string().min(1).default('graph-writer'),
  /** Budget for computing one application's features before a DEGRADED result is published. */
  GRAPH_FEATURE_DEADLINE_MS: positiveInt.default(800),
  /**
   * Follow every partition of the domain events to keep this replica's in-memory view complete
   * when several replicas share the writer group (each writes only its partitions).
   */
  GRAPH_VIEW_FOLLOW_ENABLED: booleanString.default(true),
  /** How often the view follower asks how far the writer group has committed. */
  GRAPH_VIEW_POLL_MS: positiveInt.default(100),
  /** Domain events the view follower holds waiting for the writers before it stops fetching. */
  GRAPH_VIEW_MAX_PENDING: positiveInt.default(50_000),
  GRAPH_MIGRATE_ON_START: booleanString.default(true),
  /** How often the graph's lag behind the domain-event topic is measured (and, without a writer, followed). */
  GRAPH_LAG_SAMPLE_MS: positiveInt.default(1000),
  /** Readiness fails while more domain events than this are not applied yet. */
  GRAPH_MAX_LAG_EVENTS: positiveInt.default(50_000),
  /** Readiness fails while the oldest unapplied domain event is older than this. */
  GRAPH_MAX_LAG_SECONDS: positiveInt.default(120),
  /** Serve features from the in-memory subgraph cache (loaded at start-up, refreshed by the writer); false = Cypher only. */
  GRAPH_MEMORY_ENABLED: booleanString.default(true),
  /** Applications whose features are computed at the same time; more wait in a queue (bounded concurrency). */
  GRAPH_FEATURE_WORKERS: positiveInt.default(4),
  /** Run the early-warning relay (the outbox of alerts in Neo4j to Kafka); tests drive `relayOnce` instead. */
  EARLY_WARNING_RELAY_ENABLED: booleanString.default(true),
  /** Alerts claimed and published per relay round. */
  EARLY_WARNING_RELAY_BATCH: positiveInt.default(500),
  /** Pause between polls when no alert waits; a write of alerts wakes the relay at once. */
  EARLY_WARNING_RELAY_POLL_MS: positiveInt.default(1000),
  /** Published alerts older than this are deleted from Neo4j (consumers dedupe on alertId, not on the node). */
  EARLY_WARNING_RETENTION_SECONDS: positiveInt.default(7 * 24 * 3600),
  /** Fuzzy score at or above which two records are linked SAME_AS automatically. */
  ER_LINK_THRESHOLD: ratio.default(DEFAULT_MATCH_THRESHOLDS.link),
  /** Fuzzy score at or above which (and below the link threshold) a review candidate is stored. */
  ER_REVIEW_THRESHOLD: ratio.default(DEFAULT_MATCH_THRESHOLDS.review),
  /**
   * A phone or address shared by more parties than this is a switchboard or a registered
   * agent's office, not an identity signal: it does not block pairs for comparison
   * (comparing all its parties pairwise grows with the square of their number).
   */
  ER_MAX_BLOCK_SIZE: positiveInt.default(DEFAULT_MAX_BLOCK_SIZE),
};

export type GraphConfig = ReturnType<typeof loadConfig<typeof graphConfigShape>>;
