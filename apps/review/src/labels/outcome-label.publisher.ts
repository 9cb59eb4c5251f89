import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { type LoanOutcome, type OutcomeLabelledEvent, outcomeLabelledSchema, Topics } from '@loanmesh/contracts';
import { OutboxRelayService, OutboxWriter } from '@loanmesh/database';
import { CorrelationContext } from '@loanmesh/observability';

export interface RecordedOutcome {
  applicationId: string;
  outcome: LoanOutcome;
  labelledBy: string;
  labelledAt: Date;
  modelVersion: string;
}

/**
 * Announces outcome labels on `review.outcome-labelled.v1` through review's transactional
 * outbox: the message exists if and only if the label was committed, so inference's
 * champion/challenger comparison sees exactly the labels review holds.
 */
@Injectable()
export class OutcomeLabelPublisher {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelayService,
  ) {}

  async write(manager: EntityManager, recorded: RecordedOutcome): Promise<OutcomeLabelledEvent> {
    const event = outcomeLabelledEvent(recorded, new Date());
    await this.outbox.write(manager, [{ topic: Topics.outcomeLabelled, key: recorded.applicationId, payload: event }]);
    return event;
  }

  /** Call after the commit: the relay publishes now instead of at its next poll. */
  flush(): void {
    this.relay.wake();
  }
}

export function outcomeLabelledEvent(r: RecordedOutcome, now: Date): OutcomeLabelledEvent {
  return outcomeLabelledSchema.parse({
    eventId: randomUUID(),
    type: 'outcome.labelled',
    schemaVersion: 1,
    occurredAt: r.labelledAt.toISOString(),
    producedAt: now.toISOString(),
    source: 'review',
    correlationId: CorrelationContext.current() ?? r.applicationId,
    payload: {
      applicationId: r.applicationId,
      outcome: r.outcome,
      labelledBy: r.labelledBy,
      labelledAt: r.labelledAt.toISOString(),
      modelVersion: r.modelVersion,
    },
  });
}
