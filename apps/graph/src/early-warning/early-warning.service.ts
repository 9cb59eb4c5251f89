import { randomUUID } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';

import { earlyWarningSchema, type EarlyWarningEvent } from '@loanmesh/contracts/graph/early-warning.schema';
import { Neo4jService } from '@loanmesh/neo4j';

import { EarlyWarningAlertRepository, type PendingAlert } from './early-warning-alert.repository';
import { EarlyWarningRelayService } from './early-warning-relay.service';
import { EARLY_WARNING_TARGETS } from './early-warning.cypher';

export interface DefaultedCompany {
  companyId: string;
  defaultedAt: string;
}

type Target = Omit<EarlyWarningEvent['payload'], 'alertId' | 'trigger'>;

/**
 * When companies default, alerts every live loan within 2 hops, naming the path.
 *
 * Delivery guarantee: the alerts are stored as (:EarlyWarningAlert) nodes in Neo4j and a relay
 * publishes them. The default itself is written by the graph writer in several transactions
 * (one per row bucket, then entity resolution), so the alerts cannot share its transaction;
 * instead they are merged on their deterministic alertId before the write queue resolves the
 * slice, i.e. before the consumer commits the offsets of the events that carried the default.
 * A crash anywhere before that redelivers those events, the default is re-applied (merges) and
 * the same alerts re-derived and merged again; a crash after it leaves them stored for the relay.
 */
@Injectable()
export class EarlyWarningService {
  private readonly logger = new Logger(EarlyWarningService.name);

  constructor(
    private readonly neo4j: Neo4jService,
    private readonly alerts: EarlyWarningAlertRepository,
    private readonly relay: EarlyWarningRelayService,
  ) {}

  async onDefaults(defaults: readonly DefaultedCompany[]): Promise<number> {
    if (defaults.length === 0) {
      return 0;
    }
    const targets = await this.neo4j.read<Target & Record<string, unknown>>(
      EARLY_WARNING_TARGETS,
      { defaults },
      30_000,
    );
    await this.alerts.record(targets.map(pendingAlert));
    if (targets.length > 0) {
      this.relay.wake();
    }
    this.logger.log({ msg: 'early warnings stored', defaults: defaults.length, alerts: targets.length });
    return targets.length;
  }
}

function pendingAlert(t: Target): PendingAlert {
  const event = alertEvent(t);
  return { alertId: event.payload.alertId, key: t.companyId, payload: JSON.stringify(event) };
}

/** The eventId is drawn once: a re-derived alert keeps the stored one (the merge is ON CREATE only). */
function alertEvent(t: Target): EarlyWarningEvent {
  const at = new Date().toISOString();
  return earlyWarningSchema.parse({
    eventId: randomUUID(),
    type: 'graph.early-warning',
    schemaVersion: 1,
    occurredAt: at,
    producedAt: at,
    source: 'graph',
    correlationId: t.loanId,
    payload: { alertId: `${t.triggerCompanyId}:${t.defaultedAt}:${t.loanId}`, trigger: 'NEIGHBOUR_DEFAULTED', ...t },
  });
}
