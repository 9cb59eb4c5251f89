import { Injectable } from '@nestjs/common';

import type { RelayedMessage } from '@loanmesh/database';
import { Neo4jService } from '@loanmesh/neo4j';

import {
  CLAIM_UNPUBLISHED,
  COUNT_UNPUBLISHED,
  MARK_FAILED,
  MARK_PUBLISHED,
  PURGE_PUBLISHED,
  RECORD_ALERTS,
} from './early-warning.cypher';

/** An alert ready for the outbox: its Kafka key and the serialized, validated event. */
export interface PendingAlert {
  alertId: string;
  key: string;
  payload: string;
}

/** A stored alert as the relay claims it. */
export type ClaimedAlert = PendingAlert;

/** The early-warning outbox in Neo4j: (:EarlyWarningAlert) nodes, merged on alertId. */
@Injectable()
export class EarlyWarningAlertRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  async record(alerts: readonly PendingAlert[]): Promise<void> {
    if (alerts.length > 0) {
      await this.neo4j.write(RECORD_ALERTS, { alerts: alerts.map((a, seq) => ({ ...a, seq })) }, 30_000);
    }
  }

  claim(limit: number): Promise<ClaimedAlert[]> {
    return this.neo4j.read<ClaimedAlert & Record<string, unknown>>(CLAIM_UNPUBLISHED, { limit }, 10_000);
  }

  async markPublished(alertIds: readonly string[]): Promise<void> {
    await this.neo4j.write(MARK_PUBLISHED, { alertIds }, 10_000);
  }

  async markFailed(alertId: string, reason: string): Promise<void> {
    await this.neo4j.write(MARK_FAILED, { alertId, reason }, 10_000);
  }

  async countUnpublished(): Promise<number> {
    const [row] = await this.neo4j.read<{ n: number }>(COUNT_UNPUBLISHED, {}, 10_000);
    return row?.n ?? 0;
  }

  async purgePublished(retentionSeconds: number, limit: number): Promise<number> {
    const [row] = await this.neo4j.write<{ n: number }>(PURGE_PUBLISHED, { retentionSeconds, limit }, 30_000);
    return row?.n ?? 0;
  }
}

/** The relay's message for a claimed alert (the outbox publisher's shape, shared with the PostgreSQL relays). */
export function relayedMessageOf(alert: ClaimedAlert, topic: string): RelayedMessage {
  return { id: alert.alertId, topic, key: alert.key, payload: alert.payload, headers: {} };
}
