import {
  type AccountingSelection,
  type ApplicationAccounting,
  type IngestionAccounting,
  selectionEchoOf,
} from '@loanmesh/contracts';

import type { DecisionTallyRow } from './decision-accounting.repository';

/** Referral reasons listed, most frequent first. */
export const TOP_REASONS = 10;
/** In-flight ids are named only when there are this few. */
export const NAMED_IN_FLIGHT = 100;

/**
 * Where every application of a selection is: ingestion's side (sent, parked, dead-lettered,
 * history, and what it sent on to be decided) against review's first decisions.
 *
 * In flight is what ingestion sent on to be decided and review has not decided. When
 * ingestion names the applications (a small selection), it is counted id by id, so the
 * balance is a real cross-check of the two sides; otherwise it is the difference of the two
 * counts, and the balance only fails when review decided more than ingestion sent on.
 * `decidedIds`: which of ingestion's `forDecisionIds` review decided, when it named them.
 */
export function applicationAccountingOf(
  selection: AccountingSelection,
  ingestion: IngestionAccounting,
  tally: readonly DecisionTallyRow[],
  decidedIds: ReadonlySet<string> | null,
): ApplicationAccounting {
  const sum = (category: DecisionTallyRow['category']): number =>
    tally.filter((r) => r.category === category).reduce((s, r) => s + r.count, 0);
  const decided = {
    decidedAutomatically: sum('AUTOMATIC'),
    referred: sum('REFERRED'),
    degraded: sum('DEGRADED'),
    expired: sum('EXPIRED'),
  };
  const decidedTotal = Object.values(decided).reduce((s, n) => s + n, 0);
  const inFlightIds =
    ingestion.forDecisionIds && decidedIds ? ingestion.forDecisionIds.filter((id) => !decidedIds.has(id)) : null;
  const inFlight = inFlightIds ? inFlightIds.length : Math.max(0, ingestion.forDecision - decidedTotal);
  const accountedFor = decidedTotal + ingestion.parked + ingestion.deadLettered + inFlight + ingestion.history;
  return {
    selection: selectionEchoOf(selection),
    sent: ingestion.sent,
    ...decided,
    referredByReason: referralReasons(tally),
    parked: ingestion.parked,
    deadLettered: ingestion.deadLettered,
    inFlight,
    history: ingestion.history,
    accountedFor,
    balanced: accountedFor === ingestion.sent,
    parkedIds: ingestion.parkedIds,
    inFlightIds: inFlightIds && inFlightIds.length <= NAMED_IN_FLIGHT ? inFlightIds : null,
    ingestion: {
      received: ingestion.received,
      stored: ingestion.stored,
      deadLetterRecords: ingestion.deadLetterRecords,
    },
  };
}

function referralReasons(tally: readonly DecisionTallyRow[]): { code: string; count: number }[] {
  return tally
    .filter((r) => r.category === 'REFERRED')
    .map((r) => ({ code: r.reason, count: r.count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
    .slice(0, TOP_REASONS);
}
