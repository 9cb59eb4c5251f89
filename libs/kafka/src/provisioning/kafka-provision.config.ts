import { z } from 'zod';

import { booleanString, isProductionEnv, kafkaConnectionConfig, withConfigCheck } from '@loanmesh/config';
import { DEFAULT_PARTITIONS } from '@loanmesh/contracts';

const count = z.coerce.number().int().min(1);

/** A production cluster must survive a broker loss without losing acknowledged records. */
function replicationProblems(
  parsed: Readonly<Record<string, unknown>>,
  env: Record<string, string | undefined>,
): string[] {
  const rf = parsed.KAFKA_REPLICATION_FACTOR as number;
  const isr = parsed.KAFKA_MIN_INSYNC_REPLICAS as number;
  const problems: string[] = [];
  if (isr > rf) {
    problems.push(`KAFKA_MIN_INSYNC_REPLICAS=${isr} exceeds KAFKA_REPLICATION_FACTOR=${rf}: no write could succeed`);
  }
  if (isProductionEnv(env) && (rf < 3 || isr < 2)) {
    problems.push(
      `KAFKA_REPLICATION_FACTOR=${rf} with KAFKA_MIN_INSYNC_REPLICAS=${isr} is refused in production (at least 3 and 2)`,
    );
  }
  return problems;
}

/** Everything `npm run kafka:provision` (and the kafka-provision Job) reads, validated once. */
export const kafkaProvisionConfigShape = {
  ...kafkaConnectionConfig,
  KAFKA_PARTITIONS: count.max(1000).default(DEFAULT_PARTITIONS),
  KAFKA_REPLICATION_FACTOR: withConfigCheck(count.max(7).default(1), replicationProblems),
  KAFKA_MIN_INSYNC_REPLICAS: count.max(7).default(1),
  /** retention.ms of audit.checkpoints.v1: -1 keeps the ledger's anchor for ever (a long time at least). */
  KAFKA_AUDIT_RETENTION_MS: z.coerce.number().int().min(-1).default(-1),
  /** Create the per-service ACLs too (needs a broker with an authorizer; the admin user's rights). */
  KAFKA_PROVISION_ACLS: booleanString.default(false),
  /** Prefix of the services' SCRAM user names (`User:<prefix>inference`). */
  KAFKA_ACL_USER_PREFIX: z.string().default(''),
};
