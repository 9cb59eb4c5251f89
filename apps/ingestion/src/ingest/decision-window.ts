/**
 * Only applications submitted within the decision window are sent on to be decided. Older
 * ones are history (a core-banking replay or a backfilled loan book): they are stored with
 * lineage and reach the graph as domain events, but deciding them now would flood the
 * officers' queue with cases that were settled long ago.
 */
export function isWithinDecisionWindow(submittedAt: string, now: Date, windowHours: number): boolean {
  return now.getTime() - Date.parse(submittedAt) <= windowHours * 3_600_000;
}
