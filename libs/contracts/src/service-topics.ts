import { DeadLetterTopics, Topics } from './topics';

/** The processes that connect to Kafka, each with its own SCRAM user in production. */
export type KafkaServiceName = 'ingestion' | 'graph' | 'inference' | 'review' | 'feed';

export interface ServiceTopicAccess {
  /** Topics the service consumes (Read). */
  reads: readonly string[];
  /** Topics the service publishes to (Write): nobody else may, so a forged record needs this user. */
  writes: readonly string[];
  /** Consumer-group id prefixes the service may use (its KAFKA_GROUP_ID and derived groups). */
  groupPrefixes: readonly string[];
}

/**
 * Who may read and write which topic: the source of the brokers' ACLs (`npm run
 * kafka:provision`) and of the topics each service checks at boot. Only inference writes
 * `application.scored`; review only reads it.
 */
export const SERVICE_TOPIC_ACCESS: Readonly<Record<KafkaServiceName, ServiceTopicAccess>> = {
  ingestion: {
    reads: [Topics.coreBankingEvents],
    writes: [Topics.domainEvents, Topics.applicationReceived, Topics.applicationIncomplete, DeadLetterTopics.ingestion],
    groupPrefixes: ['ingestion'],
  },
  graph: {
    reads: [Topics.domainEvents, Topics.applicationReceived],
    writes: [Topics.graphFeaturesComputed, Topics.earlyWarning, DeadLetterTopics.graph],
    groupPrefixes: ['graph'],
  },
  inference: {
    reads: [Topics.graphFeaturesComputed, Topics.outcomeLabelled],
    writes: [Topics.applicationScored, Topics.modelDrift, DeadLetterTopics.inference],
    groupPrefixes: ['inference'],
  },
  review: {
    reads: [
      Topics.applicationScored,
      Topics.applicationIncomplete,
      Topics.domainEvents,
      Topics.auditCheckpoints,
      Topics.earlyWarning,
    ],
    writes: [Topics.decisionMade, Topics.auditCheckpoints, Topics.outcomeLabelled, DeadLetterTopics.review],
    // `loanmesh-ops-scan-` is the throw-away group of scanTopic (audit checkpoints).
    groupPrefixes: ['review', 'loanmesh-ops-scan-'],
  },
  feed: {
    reads: [],
    writes: [Topics.coreBankingEvents],
    groupPrefixes: [],
  },
};

/** Every topic a service reads or writes: what it checks exists at boot. */
export function topicsOfService(service: KafkaServiceName): string[] {
  const access = SERVICE_TOPIC_ACCESS[service];
  return [...new Set([...access.reads, ...access.writes])];
}
