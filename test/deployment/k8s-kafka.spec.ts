import { AclOperationTypes, AclResourceTypes, ResourcePatternTypes } from 'kafkajs';

import { PROVISIONED_TOPICS } from '@loanmesh/contracts';
import { serviceAcls, topicPlan } from '@loanmesh/kafka';

import { type K8sObject, renderOverlay } from './kustomize-render';

interface TopicSpec {
  topicName: string;
  partitions: number;
  replicas: number;
  config: Record<string, string>;
}
interface UserSpec {
  authentication: { type: string };
  authorization: {
    acls: { resource: { type: string; name: string; patternType: string }; operations: string[] }[];
  };
}
interface ScaledObjectSpec {
  scaleTargetRef: { name: string };
  maxReplicaCount: number;
  triggers: { metadata: { consumerGroup: string; topic: string } }[];
}

const production = renderOverlay('production');
const specs = <T>(kind: string) =>
  production.filter((o) => o.kind === kind).map((o) => ({ name: o.metadata.name, spec: o.spec as T }));
const envOf = (deployment: K8sObject | undefined, name: string) =>
  (
    (deployment?.spec as { template: { spec: { containers: { env: { name: string; value?: string }[] }[] } } }).template
      .spec.containers[0].env ?? []
  ).find((e) => e.name === name)?.value;

/** The Strimzi spelling of a kafkajs ACL binding, as one comparable string. */
function bindingOf(principal: string, type: string, name: string, pattern: string, operation: string): string {
  return `${principal} ${type.toLowerCase()} ${name} ${pattern.toLowerCase()} ${operation.toLowerCase()}`;
}

describe('production Kafka resources (Strimzi, KEDA)', () => {
  it('should declare every provisioned topic with the plan of kafka:provision at 3 replicas and 2 in sync', () => {
    const topics = specs<TopicSpec>('KafkaTopic');
    expect(topics.map((t) => t.spec.topicName).sort()).toEqual([...PROVISIONED_TOPICS].sort());
    const plan = topicPlan({ partitions: 12, replicationFactor: 3, minInsyncReplicas: 2, auditRetentionMs: -1 });
    for (const planned of plan) {
      const topic = topics.find((t) => t.spec.topicName === planned.topic)!;
      expect({ topic: planned.topic, replicas: topic.spec.replicas, config: topic.spec.config }).toEqual({
        topic: planned.topic,
        replicas: 3,
        config: planned.config,
      });
      // Topics with their own count (the audit checkpoints: one, in order) keep it.
      if (planned.partitions !== 12) {
        expect({ topic: planned.topic, partitions: topic.spec.partitions }).toEqual({
          topic: planned.topic,
          partitions: planned.partitions,
        });
      }
    }
  });

  it('should give each service user exactly the ACLs kafka:provision would make, over SCRAM-SHA-512', () => {
    const users = specs<UserSpec>('KafkaUser').filter((u) => u.name !== 'keda-lag-reader');
    const declared = users.flatMap((u) => {
      expect(u.spec.authentication.type).toBe('scram-sha-512');
      return u.spec.authorization.acls.flatMap((acl) =>
        acl.operations.map((op) =>
          bindingOf(`User:${u.name}`, acl.resource.type, acl.resource.name, acl.resource.patternType, op),
        ),
      );
    });
    const patterns: Record<number, string> = {
      [ResourcePatternTypes.LITERAL]: 'literal',
      [ResourcePatternTypes.PREFIXED]: 'prefix',
    };
    const types: Record<number, string> = { [AclResourceTypes.TOPIC]: 'topic', [AclResourceTypes.GROUP]: 'group' };
    const operations: Record<number, string> = {
      [AclOperationTypes.READ]: 'read',
      [AclOperationTypes.WRITE]: 'write',
      [AclOperationTypes.DESCRIBE]: 'describe',
      [AclOperationTypes.DELETE]: 'delete',
    };
    const planned = serviceAcls().map((a) =>
      bindingOf(
        a.principal,
        types[a.resourceType],
        a.resourceName,
        patterns[a.resourcePatternType],
        operations[a.operation],
      ),
    );
    expect(declared.sort()).toEqual(planned.sort());
  });

  it("should let KEDA's lag reader only describe", () => {
    const reader = specs<UserSpec>('KafkaUser').find((u) => u.name === 'keda-lag-reader')!;
    const operations = new Set(reader.spec.authorization.acls.flatMap((a) => a.operations));
    expect([...operations]).toEqual(['Describe']);
  });

  it("should scale ingestion, inference and review on their own consumer group's lag, and never graph", () => {
    const scaled = specs<ScaledObjectSpec>('ScaledObject');
    expect(scaled.map((s) => s.spec.scaleTargetRef.name).sort()).toEqual(['inference', 'ingestion', 'review']);
    expect(production.some((o) => o.kind === 'HorizontalPodAutoscaler')).toBe(false);
    for (const { spec } of scaled) {
      const deployment = production.find(
        (o) => o.kind === 'Deployment' && o.metadata.name === spec.scaleTargetRef.name,
      );
      for (const trigger of spec.triggers) {
        expect(trigger.metadata.consumerGroup).toBe(envOf(deployment, 'KAFKA_GROUP_ID'));
      }
    }
  });
});
