import { DEFAULT_PARTITIONS, PROVISIONED_TOPICS, TOPIC_SETTINGS, Topics } from '@loanmesh/contracts';

/** The cluster-wide settings provisioning applies (from the environment of `kafka:provision`). */
export interface TopicPlanSettings {
  partitions: number;
  replicationFactor: number;
  minInsyncReplicas: number;
  /** retention.ms of the audit checkpoint topic: -1 (for ever, the default) or a long time. */
  auditRetentionMs: number;
}

export interface PlannedTopic {
  topic: string;
  partitions: number;
  replicationFactor: number;
  /** Every topic-level config provisioning owns; anything else set on the topic is replaced. */
  config: Readonly<Record<string, string>>;
}

export const LOCAL_TOPIC_PLAN_SETTINGS: TopicPlanSettings = {
  partitions: DEFAULT_PARTITIONS,
  replicationFactor: 1,
  minInsyncReplicas: 1,
  auditRetentionMs: -1,
};

/** The topics of the contracts library with the given settings (per-topic overrides from TOPIC_SETTINGS). */
export function topicPlan(settings: TopicPlanSettings, topics: readonly string[] = PROVISIONED_TOPICS): PlannedTopic[] {
  return topics.map((topic) => {
    const own = TOPIC_SETTINGS[topic];
    const config: Record<string, string> = {
      ...own?.config,
      'min.insync.replicas': String(settings.minInsyncReplicas),
    };
    if (topic === Topics.auditCheckpoints) {
      config['retention.ms'] = String(settings.auditRetentionMs);
    }
    return {
      topic,
      partitions: own?.partitions ?? settings.partitions,
      replicationFactor: settings.replicationFactor,
      config,
    };
  });
}
