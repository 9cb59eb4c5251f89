import { CoreBankingEventTypes as T, type CompanySnapshot, type CoreBankingEvent } from '@loanmesh/contracts';

import type { VersionedSnapshot } from './ingestion-store.repository';

/** What to do with each fresh event of a batch (the inbox already set copies aside), decided before writing. */
export interface BatchPlan {
  /**
   * Applications whose company is neither stored nor earlier in the batch: they
   * arrived before their company (out of order upstream), so they wait for it, parked.
   */
  parked: Set<number>;
  /** Company snapshot as of each unparked application (by event id). */
  snapshots: Map<string, CompanySnapshot>;
}

/**
 * Walks the batch in arrival order with the stored company states, so an application sees
 * its company as registered or updated before it (in the store or earlier in the batch),
 * never a later update from further down the batch.
 */
export function planBatch(
  events: readonly CoreBankingEvent[],
  stored: ReadonlyMap<string, VersionedSnapshot>,
): BatchPlan {
  const plan: BatchPlan = { parked: new Set(), snapshots: new Map() };
  const companies = new Map(stored);
  events.forEach((e, i) => {
    if (e.type === T.companyRegistered || e.type === T.companyUpdated) {
      const known = companies.get(e.payload.companyId);
      if (!known || known.version < e.payload.version) {
        companies.set(e.payload.companyId, { version: e.payload.version, snapshot: snapshotOf(e.payload) });
      }
    }
    if (e.type === T.applicationSubmitted) {
      const company = companies.get(e.payload.companyId);
      if (company) {
        plan.snapshots.set(e.eventId, company.snapshot);
      } else {
        plan.parked.add(i);
      }
    }
  });
  return plan;
}

type CompanyPayload = Extract<CoreBankingEvent, { type: 'company.registered' }>['payload'];

function snapshotOf(p: CompanyPayload): CompanySnapshot {
  const {
    companyId,
    registeredAt,
    registeredCapital,
    legalForm,
    industryCode,
    region,
    employees,
    annualRevenue,
    financials,
  } = p;
  return {
    companyId,
    registeredAt,
    registeredCapital,
    legalForm,
    industryCode,
    region,
    employees,
    annualRevenue,
    financials,
  };
}

/** Company ids whose stored state the plan needs: those of applications. */
export function applicationCompanyIds(events: readonly CoreBankingEvent[]): string[] {
  return events.flatMap((e) => (e.type === T.applicationSubmitted ? [e.payload.companyId] : []));
}

/** Company ids registered or updated in the batch: their parked applications may now go. */
export function companyIds(events: readonly CoreBankingEvent[]): string[] {
  return events.flatMap((e) =>
    e.type === T.companyRegistered || e.type === T.companyUpdated ? [e.payload.companyId] : [],
  );
}
