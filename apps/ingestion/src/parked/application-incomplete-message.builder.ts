import { randomUUID } from 'node:crypto';

import {
  type ApplicationIncompleteEvent,
  type ApplicationIncompleteReason,
  Headers,
  Topics,
} from '@loanmesh/contracts';
import type { OutboxMessage } from '@loanmesh/database';

import type { ExpiredParkedApplication } from './parked-application.repository';

/** What a parked application was waiting for: today always its company. */
export function missingOf(companyId: string): string[] {
  return [`company:${companyId}`];
}

/**
 * Announces an expired application, keyed by company like `application.received`, caused
 * by the core-banking application event and carrying its correlation id.
 */
export function applicationIncompleteMessage(
  expired: ExpiredParkedApplication,
  reason: ApplicationIncompleteReason,
  now: Date,
): OutboxMessage {
  const { guarantors, ...terms } = expired.application.payload;
  const event: ApplicationIncompleteEvent = {
    eventId: randomUUID(),
    type: 'application.incomplete',
    schemaVersion: 1,
    occurredAt: expired.expiredAt.toISOString(),
    producedAt: now.toISOString(),
    source: 'ingestion',
    correlationId: expired.application.correlationId,
    causationId: expired.application.eventId,
    payload: {
      application: terms,
      guarantors,
      reason,
      missing: missingOf(terms.companyId),
      parkedAt: expired.parkedAt.toISOString(),
      expiredAt: expired.expiredAt.toISOString(),
    },
  };
  return {
    topic: Topics.applicationIncomplete,
    key: terms.companyId,
    payload: event,
    headers: {
      [Headers.correlationId]: event.correlationId,
      [Headers.eventType]: event.type,
      [Headers.schemaVersion]: String(event.schemaVersion),
    },
  };
}
