import { type AccountingSelection, type IngestionAccounting, selectionEchoOf } from '@loanmesh/contracts';

import type {
  DeadLetteredApplications,
  ParkedApplications,
  ReceivedCounts,
  ReceivedId,
} from './application-accounting.repository';

/** Parked ids are named in the answer only when there are this few. */
export const NAMED_IDS_LIMIT = 100;
/** Up to this many applications for decision, their ids go to review, which names those in flight. */
export const FOR_DECISION_IDS_LIMIT = 1000;

export interface IngestionAccountingParts {
  received: ReceivedCounts;
  parked: ParkedApplications;
  deadLettered: DeadLetteredApplications;
  /** Every received id, or null when there were more than FOR_DECISION_IDS_LIMIT. */
  receivedIds: ReceivedId[] | null;
}

/**
 * Where ingestion left each application of the selection. What is neither parked nor
 * history was sent on to be decided (`forDecision`); review finds out which of those it
 * decided. An application only ever dead-lettered counts as sent, never as received.
 */
export function ingestionAccountingOf(
  selection: AccountingSelection,
  p: IngestionAccountingParts,
): IngestionAccounting {
  const parkedComplete = p.parked.ids.length === p.parked.count;
  const parked = new Set(p.parked.ids);
  const forDecisionIds =
    p.receivedIds && parkedComplete
      ? p.receivedIds.filter((r) => !r.history && !parked.has(r.applicationId)).map((r) => r.applicationId)
      : null;
  return {
    selection: selectionEchoOf(selection),
    received: p.received.received,
    stored: p.received.stored,
    parked: p.parked.count,
    history: p.received.history,
    forDecision: Math.max(0, p.received.received - p.parked.count - p.received.history),
    deadLettered: p.deadLettered.only,
    deadLetterRecords: p.deadLettered.records,
    sent: p.received.received + p.deadLettered.only,
    parkedIds: p.parked.count <= NAMED_IDS_LIMIT ? p.parked.ids.slice(0, NAMED_IDS_LIMIT) : null,
    forDecisionIds,
  };
}
