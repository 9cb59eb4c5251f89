import { logLevel } from 'kafkajs';

import { kafkaConnectionOf, loadConfig } from '@loanmesh/config';

import { createKafkaClient } from '../../kafka-client.factory';
import { kafkaProvisionConfigShape } from '../kafka-provision.config';
import { serviceAcls } from '../service-acls';
import { topicPlan } from '../topic-plan';
import { type ProvisionReport, TopicProvisioner } from '../topic-provisioner';

export interface ProvisionIo {
  out(line: string): void;
}

/**
 * `npm run kafka:provision`: creates the platform's topics (and with KAFKA_PROVISION_ACLS the
 * services' ACLs) and reports what it created, changed and found different. Exit code 0
 * when the cluster matches the plan afterwards, 3 when differences remain that an operator
 * must resolve (partition counts, replication factors).
 */
export async function runKafkaProvision(
  io: ProvisionIo,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  const config = loadConfig(kafkaProvisionConfigShape, env);
  const kafka = createKafkaClient(kafkaConnectionOf(config), 'loanmesh-kafka-provision', {
    logLevel: logLevel.NOTHING,
  });
  const plan = topicPlan({
    partitions: config.KAFKA_PARTITIONS,
    replicationFactor: config.KAFKA_REPLICATION_FACTOR,
    minInsyncReplicas: config.KAFKA_MIN_INSYNC_REPLICAS,
    auditRetentionMs: config.KAFKA_AUDIT_RETENTION_MS,
  });
  const acls = config.KAFKA_PROVISION_ACLS ? serviceAcls(config.KAFKA_ACL_USER_PREFIX) : [];
  const report = await new TopicProvisioner(kafka).provision(plan, acls);
  renderReport(report, config.KAFKA_PROVISION_ACLS).forEach((line) => io.out(line));
  return report.differences.length > 0 ? 3 : 0;
}

export function renderReport(report: ProvisionReport, withAcls: boolean): string[] {
  const lines = [
    ...report.created.map((t) => `created   ${t}`),
    ...report.configChanged.map(
      (c) => `config    ${c.topic} ${c.config}: ${c.from ?? '(unset)'} -> ${c.to ?? '(removed)'}`,
    ),
    ...report.differences.map(
      (d) =>
        `DIFFERENT ${d.topic} ${d.setting} is ${d.actual}, planned ${d.planned} (not changed: decide and reassign)`,
    ),
    `topics: ${report.created.length} created, ${report.unchanged.length} unchanged, ` +
      `${report.configChanged.length} config changes, ${report.differences.length} differences`,
  ];
  if (withAcls) {
    lines.push(...report.aclsUnplanned.map((a) => `UNPLANNED acl ${a} (not removed)`));
    lines.push(
      `acls: ${report.aclsCreated} created, ${report.aclsPresent} present, ${report.aclsUnplanned.length} unplanned`,
    );
  }
  return lines.map((l) => `[kafka-provision] ${l}`);
}
