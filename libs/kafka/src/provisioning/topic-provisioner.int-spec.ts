import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  type AclEntry,
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  ConfigResourceTypes,
  ResourcePatternTypes,
} from 'kafkajs';

import { DeadLetterTopics } from '@loanmesh/contracts';
import { ObservabilityModule } from '@loanmesh/observability';
import { TEST_BROKERS, TEST_KAFKA, testKafkaClient, uniqueId } from '@loanmesh/testing';

import { KafkaHealthIndicator } from '../kafka-health.indicator';
import { KafkaTopicsException } from '../kafka-topics.exception';
import { KafkaModule } from '../kafka.module';
import { runKafkaProvision } from './cli/kafka-provision.command';
import { LOCAL_TOPIC_PLAN_SETTINGS, type PlannedTopic, topicPlan } from './topic-plan';
import { TopicProvisioner } from './topic-provisioner';

/** Provisioning against the real test broker, on this suite's own topics and principal. */
describe('topic provisioning (real Kafka)', () => {
  jest.setTimeout(60_000);
  const kafka = testKafkaClient(uniqueId('provision-test'));
  const run = uniqueId('provision');
  const events = `testing.${run}.events.v1`;
  const ledger = `testing.${run}.ledger.v1`;
  const principal = `User:${run}`;
  const acl: AclEntry = {
    resourceType: AclResourceTypes.TOPIC,
    resourceName: events,
    resourcePatternType: ResourcePatternTypes.LITERAL,
    principal,
    host: '*',
    operation: AclOperationTypes.READ,
    permissionType: AclPermissionTypes.ALLOW,
  };
  const plan = (ledgerRetention: string, eventsPartitions = 3): PlannedTopic[] => [
    { topic: events, partitions: eventsPartitions, replicationFactor: 1, config: { 'min.insync.replicas': '1' } },
    {
      topic: ledger,
      partitions: 1,
      replicationFactor: 1,
      config: { 'min.insync.replicas': '1', 'retention.ms': ledgerRetention },
    },
  ];

  afterAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [events, ledger] }).catch(() => undefined);
    await admin.deleteAcls({ filters: [acl] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('should create topics with the planned settings and ACLs, then change nothing on a second run', async () => {
    const provisioner = new TopicProvisioner(kafka);
    const first = await provisioner.provision(plan('-1'), [acl]);
    expect(first.created.sort()).toEqual([events, ledger].sort());
    expect(first.aclsCreated).toBe(1);

    const admin = kafka.admin();
    await admin.connect();
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [events, ledger] });
      expect(metadata.topics.map((t) => [t.name, t.partitions.length]).sort()).toEqual(
        [
          [events, 3],
          [ledger, 1],
        ].sort(),
      );
      const configs = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [
          { type: ConfigResourceTypes.TOPIC, name: ledger, configNames: ['retention.ms', 'min.insync.replicas'] },
        ],
      });
      expect(Object.fromEntries(configs.resources[0].configEntries.map((e) => [e.configName, e.configValue]))).toEqual({
        'retention.ms': '-1',
        'min.insync.replicas': '1',
      });
    } finally {
      await admin.disconnect();
    }

    const second = await provisioner.provision(plan('-1'), [acl]);
    expect(second).toEqual({
      created: [],
      unchanged: [events, ledger],
      configChanged: [],
      differences: [],
      aclsCreated: 0,
      aclsPresent: 1,
      aclsUnplanned: [],
    });
  });

  it('should set a changed config and report, without changing, a partition count that differs', async () => {
    const report = await new TopicProvisioner(kafka).provision(plan('31536000000', 4));
    expect(report.configChanged).toEqual([{ topic: ledger, config: 'retention.ms', from: '-1', to: '31536000000' }]);
    expect(report.differences).toEqual([{ topic: events, setting: 'partitions', planned: 4, actual: 3 }]);
    const admin = kafka.admin();
    await admin.connect();
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [events] });
      expect(metadata.topics[0].partitions).toHaveLength(3);
    } finally {
      await admin.disconnect();
    }
  });

  it('should report the platform topics and ACLs already provisioned by test-infra.sh up as unchanged', async () => {
    const lines: string[] = [];
    const code = await runKafkaProvision(
      { out: (l) => lines.push(l) },
      { KAFKA_BROKERS: TEST_BROKERS.join(','), KAFKA_PROVISION_ACLS: 'true' },
    );
    expect(code).toBe(0);
    expect(lines).toContain(
      `[kafka-provision] topics: 0 created, ${topicPlan(LOCAL_TOPIC_PLAN_SETTINGS).length} unchanged, 0 config changes, 0 differences`,
    );
    expect(lines.join('\n')).toMatch(/acls: 0 created, \d+ present, 0 unplanned/);
  });

  it('should refuse to boot a service whose topic is missing, naming it with KAFKA_TOPICS_MISSING', async () => {
    const missing = `testing.${run}.never-provisioned.v1`;
    @Module({
      imports: [
        ObservabilityModule.forRoot(KafkaHealthIndicator),
        KafkaModule.forRoot({
          connection: TEST_KAFKA,
          clientId: run,
          deadLetterTopic: DeadLetterTopics.test,
          topics: [events, missing],
        }),
      ],
    })
    class MissingTopicModule {}

    const app = await NestFactory.create(MissingTopicModule, { logger: false });
    try {
      const failure = await app.init().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(failure).toBeInstanceOf(KafkaTopicsException);
      expect(failure).toMatchObject({ code: 'KAFKA_TOPICS_MISSING', topics: [missing] });
      expect((failure as Error).message).toContain(`no topic ${missing}`);
    } finally {
      await app.close();
    }
    const admin = kafka.admin();
    await admin.connect();
    try {
      expect(await admin.listTopics()).not.toContain(missing);
    } finally {
      await admin.disconnect();
    }
  });
});
