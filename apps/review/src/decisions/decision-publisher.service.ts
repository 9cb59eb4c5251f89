import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import {
  type DecisionMadeEvent,
  decisionMadeSchema,
  type HopTimes,
  type ReasonCode,
  Topics,
} from '@loanmesh/contracts';
import { OutboxRelayService, OutboxWriter } from '@loanmesh/database';
import { CorrelationContext } from '@loanmesh/observability';

import type { DecisionEntity } from './decision.entity';

/** The model version announced for a decision taken without a score (the application was never scored). */
export const NO_MODEL_VERSION = 'none';

export interface DecisionAnnouncement {
  decision: DecisionEntity;
  principalReasons: ReasonCode[];
  policyVersion: number;
  modelVersion: string;
  hops: HopTimes;
  causationId?: string;
  /** The triggering event's correlation id; group commits run outside that event's context. */
  correlationId?: string;
}

/**
 * Announces decisions on `review.decision-made.v1` through the transactional outbox: the
 * message is written with the decision and relayed once the transaction commits.
 */
@Injectable()
export class DecisionPublisherService {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelayService,
  ) {}

  async write(manager: EntityManager, a: DecisionAnnouncement): Promise<DecisionMadeEvent> {
    const [event] = await this.writeMany(manager, [a]);
    return event;
  }

  /** One outbox insert for a group of decisions committed together. */
  async writeMany(manager: EntityManager, list: readonly DecisionAnnouncement[]): Promise<DecisionMadeEvent[]> {
    const now = new Date().toISOString();
    const events = list.map((a) => announcement(a, now));
    await this.outbox.write(
      manager,
      events.map((event) => ({ topic: Topics.decisionMade, key: event.payload.applicationId, payload: event })),
    );
    return events;
  }

  /** Call after the commit: the relay publishes now instead of at its next poll. */
  flush(): void {
    this.relay.wake();
  }
}

function announcement(a: DecisionAnnouncement, now: string): DecisionMadeEvent {
  return decisionMadeSchema.parse({
    eventId: randomUUID(),
    type: 'decision.made',
    schemaVersion: 1,
    occurredAt: a.decision.decidedAt.toISOString(),
    producedAt: now,
    source: 'review',
    correlationId: a.correlationId ?? CorrelationContext.current() ?? a.decision.applicationId,
    ...(a.causationId ? { causationId: a.causationId } : {}),
    payload: {
      decisionId: a.decision.id,
      applicationId: a.decision.applicationId,
      companyId: a.decision.companyId,
      outcome: a.decision.outcome,
      automatic: a.decision.automatic,
      decidedBy: a.decision.decidedBy,
      principalReasons: a.principalReasons,
      policyVersion: String(a.policyVersion),
      modelVersion: a.modelVersion,
      hops: a.hops,
    },
  });
}
