import { AclOperationTypes, AclResourceTypes } from 'kafkajs';

import { SERVICE_TOPIC_ACCESS, Topics, TOPIC_SETTINGS } from '@loanmesh/contracts';

import { serviceAcls } from './service-acls';
import { LOCAL_TOPIC_PLAN_SETTINGS, topicPlan } from './topic-plan';

describe(serviceAcls.name, () => {
  const acls = serviceAcls();
  const principalsWith = (topic: string, operation: AclOperationTypes): string[] =>
    acls
      .filter((a) => a.resourceType === AclResourceTypes.TOPIC && a.resourceName === topic && a.operation === operation)
      .map((a) => a.principal)
      .sort();

  it('should let only inference write application.scored and review read it', () => {
    expect(principalsWith(Topics.applicationScored, AclOperationTypes.WRITE)).toEqual(['User:inference']);
    expect(principalsWith(Topics.applicationScored, AclOperationTypes.READ)).toEqual(['User:review']);
  });

  it('should give no service a right to create, delete or alter topics, nor anything on the cluster', () => {
    const forbidden = [
      AclOperationTypes.ALL,
      AclOperationTypes.CREATE,
      AclOperationTypes.ALTER,
      AclOperationTypes.ALTER_CONFIGS,
    ];
    expect(acls.filter((a) => forbidden.includes(a.operation))).toEqual([]);
    expect(acls.filter((a) => a.resourceType === AclResourceTypes.CLUSTER)).toEqual([]);
    expect(
      acls.filter((a) => a.resourceType === AclResourceTypes.TOPIC && a.operation === AclOperationTypes.DELETE),
    ).toEqual([]);
  });

  it('should prefix the principals when the SCRAM user names carry a prefix', () => {
    expect(new Set(serviceAcls('loanmesh-').map((a) => a.principal))).toEqual(
      new Set(Object.keys(SERVICE_TOPIC_ACCESS).map((s) => `User:loanmesh-${s}`)),
    );
  });
});

describe(topicPlan.name, () => {
  it('should plan every topic with the replication settings and keep the audit topic on one partition for ever', () => {
    const plan = topicPlan({ ...LOCAL_TOPIC_PLAN_SETTINGS, replicationFactor: 3, minInsyncReplicas: 2 });
    const audit = plan.find((t) => t.topic === Topics.auditCheckpoints);
    expect(audit).toEqual({
      topic: Topics.auditCheckpoints,
      partitions: 1,
      replicationFactor: 3,
      config: { ...TOPIC_SETTINGS[Topics.auditCheckpoints]?.config, 'min.insync.replicas': '2', 'retention.ms': '-1' },
    });
    expect(plan.every((t) => t.replicationFactor === 3 && t.config['min.insync.replicas'] === '2')).toBe(true);
    expect(plan.find((t) => t.topic === Topics.applicationScored)?.partitions).toBe(6);
  });
});
