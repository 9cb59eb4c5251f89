import { randomUUID } from 'node:crypto';

import type { ApplicationIncompleteEvent } from '@loanmesh/contracts';

export interface IncompleteOverrides {
  applicationId?: string;
  companyId?: string;
  amount?: number;
  /** Seconds between parking and expiry. */
  waitedSeconds?: number;
}

/** A valid `application.incomplete` (missing company data), unique ids unless overridden. */
export function incompleteEvent(o: IncompleteOverrides = {}): ApplicationIncompleteEvent {
  const suffix = randomUUID().slice(0, 8);
  const companyId = o.companyId ?? `co-incomplete-${suffix}`;
  const parkedAt = new Date(Date.UTC(2026, 0, 10, 9, 0, 0));
  const expiredAt = new Date(parkedAt.getTime() + (o.waitedSeconds ?? 900) * 1000);
  return {
    eventId: randomUUID(),
    type: 'application.incomplete',
    schemaVersion: 1,
    occurredAt: expiredAt.toISOString(),
    producedAt: expiredAt.toISOString(),
    source: 'ingestion',
    correlationId: randomUUID(),
    causationId: randomUUID(),
    payload: {
      application: {
        applicationId: o.applicationId ?? `app-incomplete-${suffix}`,
        companyId,
        amount: o.amount ?? 75000,
        termMonths: 36,
        purpose: 'WORKING_CAPITAL',
        submittedAt: new Date(parkedAt.getTime() - 1000).toISOString(),
      },
      guarantors: [{ kind: 'person', id: `p-${suffix}` }],
      reason: 'MISSING_COMPANY_DATA',
      missing: [`company:${companyId}`],
      parkedAt: parkedAt.toISOString(),
      expiredAt: expiredAt.toISOString(),
    },
  };
}
