import { z } from 'zod';

import { boundedList, entityId, finiteNumber, isoInstant, lineText } from '../envelope/safe-primitives';

/**
 * Which applications an accounting covers: a live run of the feed (by application id, see
 * live-run.ts) or a half-open window [from, to) on the instant ingestion first received the
 * application (`hops.receivedAt` downstream, so every service selects on the same instant).
 */
export type AccountingSelection = { kind: 'run'; run: number } | { kind: 'window'; from: Date; to: Date };

const MAX_RUN = 2 ** 31 - 1;

/** Query string of both accounting endpoints: `?run=N` or `?from=<ISO>&to=<ISO>`. */
export const accountingQuerySchema = z
  .object({
    from: isoInstant.optional(),
    to: isoInstant.optional(),
    run: z
      .string()
      .regex(/^\d{1,10}$/, 'expected a live-run number')
      .optional(),
  })
  .strict()
  .transform((q, ctx): AccountingSelection => {
    if (q.run !== undefined) {
      if (q.from !== undefined || q.to !== undefined) {
        ctx.addIssue({ code: 'custom', message: 'give either run or from and to, not both' });
        return z.NEVER;
      }
      const run = Number(q.run);
      if (run > MAX_RUN) {
        ctx.addIssue({ code: 'custom', path: ['run'], message: `must be at most ${MAX_RUN}` });
        return z.NEVER;
      }
      return { kind: 'run', run };
    }
    if (q.from === undefined || q.to === undefined) {
      ctx.addIssue({ code: 'custom', message: 'give run, or from and to' });
      return z.NEVER;
    }
    const from = new Date(q.from);
    const to = new Date(q.to);
    if (from.getTime() >= to.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
      return z.NEVER;
    }
    return { kind: 'window', from, to };
  });

/** The selection as the query string that asks for it. */
export function accountingQueryOf(selection: AccountingSelection): string {
  const params: Record<string, string> =
    selection.kind === 'run'
      ? { run: String(selection.run) }
      : { from: selection.from.toISOString(), to: selection.to.toISOString() };
  return new URLSearchParams(params).toString();
}

const selectionEchoSchema = z.union([
  z.object({ run: finiteNumber().int().nonnegative() }),
  z.object({ from: isoInstant, to: isoInstant }),
]);
export type AccountingSelectionEcho = z.infer<typeof selectionEchoSchema>;

export function selectionEchoOf(selection: AccountingSelection): AccountingSelectionEcho {
  return selection.kind === 'run'
    ? { run: selection.run }
    : { from: selection.from.toISOString(), to: selection.to.toISOString() };
}

const count = finiteNumber().int().nonnegative();
/** Application ids, named only when the group is small (at most 1000); `null` when there are too many. */
const fewIds = boundedList(entityId, 1000).nullable();

/** Ingestion's side (`GET /ingestion/applications/accounting`): what it received and where it left each. */
export const ingestionAccountingSchema = z.object({
  selection: selectionEchoSchema,
  /** Applications with at least one valid record received (stored, parked or neither). */
  received: count,
  /** Received and stored as current state (announced for decision, or history). */
  stored: count,
  /** Received and waiting for their company. */
  parked: count,
  /** Stored but submitted before the decision window: never announced for decision. */
  history: count,
  /** received - parked - history: expected to reach a decision. */
  forDecision: count,
  /** Applications known only from dead-lettered records (no valid record ever received). */
  deadLettered: count,
  /** Every dead-lettered application record, including copies of applications received intact. */
  deadLetterRecords: count,
  /** received + deadLettered. */
  sent: count,
  parkedIds: fewIds,
  forDecisionIds: fewIds,
});
export type IngestionAccounting = z.infer<typeof ingestionAccountingSchema>;

/** Review's answer (`GET /applications/accounting`): every application sent, and where it is. */
export const applicationAccountingSchema = z.object({
  selection: selectionEchoSchema,
  sent: count,
  /** AUTO_APPROVE or AUTO_DECLINE on complete data. */
  decidedAutomatically: count,
  /** REFER on complete data. */
  referred: count,
  /** Referrals by their principal reason code, most frequent first (top 10). */
  referredByReason: boundedList(z.object({ code: lineText(64), count }), 10),
  /** Decided on DEGRADED graph features or a degraded/fallback score (always referred). */
  degraded: count,
  /** Parked applications that expired into a REFER with reason MISSING_COMPANY_DATA. */
  expired: count,
  parked: count,
  deadLettered: count,
  /** Received, not parked, not history, not yet decided. */
  inFlight: count,
  history: count,
  /** The sum of the categories above; `balanced` when it equals `sent`. */
  accountedFor: count,
  balanced: z.boolean(),
  parkedIds: fewIds,
  inFlightIds: fewIds,
  ingestion: z.object({ received: count, stored: count, deadLetterRecords: count }),
});
export type ApplicationAccounting = z.infer<typeof applicationAccountingSchema>;
