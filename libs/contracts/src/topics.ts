/**
 * Every Kafka topic of LoanMesh, versioned. Apps never type a topic string: they import
 * these names. A breaking payload change gets a new topic version, not an edit here.
 */
export const Topics = {
  /** Upstream core-banking events, all types on one topic keyed by company so one company's events stay ordered. */
  coreBankingEvents: 'corebanking.events.v1',
  /** Normalized domain events from the ingestion outbox (graph and inference consume them). */
  domainEvents: 'ingestion.domain-events.v1',
  /** A loan application accepted by ingestion, ready for graph features. */
  applicationReceived: 'lending.application-received.v1',
  /** An application ingestion gave up waiting for (its company never arrived): a human decides it. */
  applicationIncomplete: 'lending.application-incomplete.v1',
  /** Graph risk features for an application (possibly degraded). */
  graphFeaturesComputed: 'graph.features-computed.v1',
  /** A scored application (champion result; possibly degraded). */
  applicationScored: 'inference.application-scored.v1',
  /** The decision for core banking: approve, decline or refer, with principal reasons. */
  decisionMade: 'review.decision-made.v1',
  /** Early-warning alerts on live loans when their graph neighbourhood changes. */
  earlyWarning: 'graph.early-warning.v1',
  /** Signed checkpoints of the decision ledger (sequence, hash, key id): its anchor outside the database. */
  auditCheckpoints: 'audit.checkpoints.v1',
  /** Matured loan outcomes (REPAID/DEFAULTED) review labelled, for inference's champion/challenger comparison. */
  outcomeLabelled: 'review.outcome-labelled.v1',
  /** Score or feature drift of a model against its training baseline (watch, act, data problem). */
  modelDrift: 'inference.model-drift.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/** Dead-letter topics, one per consuming service; each record keeps the original bytes and headers. */
export const DeadLetterTopics = {
  ingestion: 'ingestion.dead-letter.v1',
  graph: 'graph.dead-letter.v1',
  inference: 'inference.dead-letter.v1',
  review: 'review.dead-letter.v1',
  test: 'testing.dead-letter.v1',
} as const;

export type DeadLetterTopicName = (typeof DeadLetterTopics)[keyof typeof DeadLetterTopics];

/**
 * Topics of the operators' tools, not of the services (so not in ALL_TOPICS): the
 * dead-letter tool creates its ledger (compacted, keyed by dead-letter id) when missing.
 */
export const OpsTopics = {
  deadLetterReplays: 'ops.dead-letter-replays.v1',
} as const;

export const ALL_TOPICS: readonly string[] = [...Object.values(Topics), ...Object.values(DeadLetterTopics)];

/** Partition count used when topics are created by the platform. */
export const DEFAULT_PARTITIONS = 6;

export interface TopicSettings {
  partitions: number;
  config: Readonly<Record<string, string>>;
}

/**
 * Topics that differ from the defaults. The audit checkpoints are kept for ever (the ledger
 * is, and a checkpoint that expired can no longer reveal a rewrite) on one partition, in order.
 */
export const TOPIC_SETTINGS: Readonly<Partial<Record<string, TopicSettings>>> = {
  [Topics.auditCheckpoints]: {
    partitions: 1,
    config: { 'retention.ms': '-1', 'retention.bytes': '-1', 'cleanup.policy': 'delete' },
  },
  [OpsTopics.deadLetterReplays]: { partitions: 1, config: { 'cleanup.policy': 'compact' } },
};

/** Every topic provisioning creates (`npm run kafka:provision`): the services' and the operators' tools'. */
export const PROVISIONED_TOPICS: readonly string[] = [...ALL_TOPICS, ...Object.values(OpsTopics)];

/** Kafka header names carried across services. */
export const Headers = {
  correlationId: 'x-correlation-id',
  eventType: 'x-event-type',
  schemaVersion: 'x-schema-version',
  deadLetterReason: 'x-dead-letter-reason',
  deadLetterCode: 'x-dead-letter-code',
  originalTopic: 'x-original-topic',
  originalPartition: 'x-original-partition',
  originalOffset: 'x-original-offset',
} as const;
