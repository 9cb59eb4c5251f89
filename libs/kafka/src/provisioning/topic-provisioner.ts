import {
  type Admin,
  type AclEntry,
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  ConfigResourceTypes,
  ConfigSource,
  type Kafka,
  ResourcePatternTypes,
} from 'kafkajs';

import { aclKey } from './service-acls';
import type { PlannedTopic } from './topic-plan';

/** Something on the broker that differs from the plan and provisioning does not change itself. */
export interface TopicDifference {
  topic: string;
  setting: 'partitions' | 'replication factor';
  planned: number;
  actual: number;
}

export interface ConfigChange {
  topic: string;
  config: string;
  from: string | null;
  to: string | null;
}

export interface ProvisionReport {
  created: string[];
  unchanged: string[];
  configChanged: ConfigChange[];
  /** Reported, never changed automatically: fewer partitions re-key records, replicas need a reassignment. */
  differences: TopicDifference[];
  aclsCreated: number;
  aclsPresent: number;
  /** Bindings of the managed principals that the plan does not list (reported, not removed). */
  aclsUnplanned: string[];
}

/**
 * Creates the planned topics and ACLs, idempotently: a second run changes nothing and says
 * so. Topic configs the plan owns are set to the planned values; partition counts and
 * replication factors that differ are reported for an operator to decide.
 */
export class TopicProvisioner {
  constructor(private readonly kafka: Kafka) {}

  async provision(plan: readonly PlannedTopic[], acls: readonly AclEntry[] = []): Promise<ProvisionReport> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const report: ProvisionReport = {
        created: [],
        unchanged: [],
        configChanged: [],
        differences: [],
        aclsCreated: 0,
        aclsPresent: 0,
        aclsUnplanned: [],
      };
      await this.provisionTopics(admin, plan, report);
      if (acls.length > 0) {
        await this.provisionAcls(admin, acls, report);
      }
      return report;
    } finally {
      await admin.disconnect();
    }
  }

  private async provisionTopics(admin: Admin, plan: readonly PlannedTopic[], report: ProvisionReport): Promise<void> {
    const existing = new Set(await admin.listTopics());
    const missing = plan.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({
          topic: t.topic,
          numPartitions: t.partitions,
          replicationFactor: t.replicationFactor,
          configEntries: Object.entries(t.config).map(([name, value]) => ({ name, value })),
        })),
      });
      report.created.push(...missing.map((t) => t.topic));
    }
    const present = plan.filter((t) => existing.has(t.topic));
    if (present.length === 0) {
      return;
    }
    const metadata = await admin.fetchTopicMetadata({ topics: present.map((t) => t.topic) });
    const configs = await admin.describeConfigs({
      includeSynonyms: false,
      resources: present.map((t) => ({ type: ConfigResourceTypes.TOPIC, name: t.topic })),
    });
    for (const planned of present) {
      const meta = metadata.topics.find((m) => m.name === planned.topic);
      const partitions = meta?.partitions.length ?? 0;
      const replicas = meta?.partitions[0]?.replicas.length ?? 0;
      if (partitions !== planned.partitions) {
        report.differences.push({
          topic: planned.topic,
          setting: 'partitions',
          planned: planned.partitions,
          actual: partitions,
        });
      }
      if (replicas !== planned.replicationFactor) {
        report.differences.push({
          topic: planned.topic,
          setting: 'replication factor',
          planned: planned.replicationFactor,
          actual: replicas,
        });
      }
      const entries = configs.resources.find((r) => r.resourceName === planned.topic)?.configEntries ?? [];
      // Only values set on the topic itself count: a broker default equal to the plan is not enough,
      // since the next broker config change would silently alter the topic.
      const current = new Map(
        entries
          .filter((e) => !e.isDefault && e.configSource === ConfigSource.TOPIC_CONFIG)
          .map((e) => [e.configName, e.configValue]),
      );
      const changes: ConfigChange[] = [];
      for (const [name, value] of Object.entries(planned.config)) {
        if (current.get(name) !== value) {
          changes.push({ topic: planned.topic, config: name, from: current.get(name) ?? null, to: value });
        }
      }
      for (const [name, value] of current) {
        if (!(name in planned.config)) {
          changes.push({ topic: planned.topic, config: name, from: value, to: null });
        }
      }
      if (changes.length > 0) {
        // alterConfigs replaces the topic's whole set of overrides with the planned one.
        await admin.alterConfigs({
          validateOnly: false,
          resources: [
            {
              type: ConfigResourceTypes.TOPIC,
              name: planned.topic,
              configEntries: Object.entries(planned.config).map(([name, value]) => ({ name, value })),
            },
          ],
        });
        report.configChanged.push(...changes);
      } else if (!report.differences.some((d) => d.topic === planned.topic)) {
        report.unchanged.push(planned.topic);
      }
    }
  }

  private async provisionAcls(admin: Admin, acls: readonly AclEntry[], report: ProvisionReport): Promise<void> {
    const described = await admin.describeAcls({
      resourceType: AclResourceTypes.ANY,
      resourcePatternType: ResourcePatternTypes.ANY,
      operation: AclOperationTypes.ANY,
      permissionType: AclPermissionTypes.ANY,
    });
    const present = new Set<string>();
    for (const resource of described.resources) {
      for (const acl of resource.acls) {
        present.add(aclKey({ ...resource, ...acl }));
      }
    }
    const planned = new Set(acls.map(aclKey));
    const missing = acls.filter((acl) => !present.has(aclKey(acl)));
    if (missing.length > 0) {
      await admin.createAcls({ acl: [...missing] });
    }
    report.aclsCreated = missing.length;
    report.aclsPresent = acls.length - missing.length;
    const principals = new Set(acls.map((a) => a.principal));
    report.aclsUnplanned = [...present].filter(
      (key) => !planned.has(key) && [...principals].some((p) => key.includes(` ${p} `)),
    );
  }
}
