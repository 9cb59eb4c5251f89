import { randomUUID } from 'node:crypto';

import {
  type ApplicationReceivedEvent,
  type CompanySnapshot,
  type CoreBankingEvent,
  coreBankingKey,
  type CreditHistory,
  type DomainEvent,
  type Freshness,
  Headers,
  Topics,
} from '@loanmesh/contracts';
import type { OutboxMessage } from '@loanmesh/database';

const SOURCE = 'ingestion';

/** The normalized domain event announcing an applied core-banking event; same key, so same order. */
export function domainEventMessage(original: CoreBankingEvent, normalized: DomainEvent, now: Date): OutboxMessage {
  const event: DomainEvent = {
    ...normalized,
    eventId: randomUUID(),
    producedAt: now.toISOString(),
    source: SOURCE,
    causationId: original.eventId,
  };
  return { topic: Topics.domainEvents, key: coreBankingKey(original), payload: event, headers: headersOf(event) };
}

type Application = Extract<CoreBankingEvent, { type: 'loan.application-submitted' }>;

/** The application with everything scoring needs as of its submission; keyed by company. */
export function applicationReceivedMessage(
  application: Application,
  company: CompanySnapshot,
  history: CreditHistory,
  freshness: Freshness,
  now: Date,
  receivedAt?: number,
): OutboxMessage {
  const { guarantors, ...terms } = application.payload;
  const event: ApplicationReceivedEvent = {
    eventId: randomUUID(),
    type: 'application.received',
    schemaVersion: 1,
    occurredAt: application.occurredAt,
    producedAt: now.toISOString(),
    source: SOURCE,
    correlationId: application.correlationId,
    causationId: application.eventId,
    payload: {
      application: terms,
      guarantors,
      company,
      history,
      hops: {
        submittedAt: Date.parse(terms.submittedAt),
        ...(receivedAt === undefined ? {} : { receivedAt }),
        ingestedAt: now.getTime(),
      },
      freshness,
    },
  };
  return { topic: Topics.applicationReceived, key: terms.companyId, payload: event, headers: headersOf(event) };
}

function headersOf(e: { type: string; schemaVersion: number; correlationId: string }): Record<string, string> {
  return {
    [Headers.correlationId]: e.correlationId,
    [Headers.eventType]: e.type,
    [Headers.schemaVersion]: String(e.schemaVersion),
  };
}
