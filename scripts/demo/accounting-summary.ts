import type { ApplicationAccounting } from '@loanmesh/contracts';

/** Ids are printed when a group has at most this many. */
export const NAMED_IDS = 20;

export function decidedCount(a: ApplicationAccounting): number {
  return a.decidedAutomatically + a.referred + a.degraded + a.expired;
}

/**
 * A run balances when everything the feed published reached ingestion, every application
 * sent is in exactly one place (`balanced`) and none is still on its way to a decision.
 */
export function runBalances(a: ApplicationAccounting, published: number): boolean {
  return a.balanced && a.inFlight === 0 && a.sent === published;
}

export function progressLine(a: ApplicationAccounting, published: number): string {
  return `[demo] received ${a.sent}/${published}, decided ${decidedCount(a)}, parked ${a.parked}, in flight ${a.inFlight}   `;
}

/** The accounting part of the demo summary: one line per figure, ids named when they are few. */
export function accountingLines(a: ApplicationAccounting, published: number): string[] {
  const parts = [
    `sent ${a.sent}`,
    `decided automatically ${a.decidedAutomatically}`,
    `referred ${a.referred}`,
    `degraded ${a.degraded}`,
    ...(a.expired > 0 ? [`expired (missing company data) ${a.expired}`] : []),
    `parked ${a.parked}`,
    `dead-lettered ${a.deadLettered}`,
    `in flight ${a.inFlight}`,
    ...(a.history > 0 ? [`history ${a.history}`] : []),
  ];
  const lines = [
    `accounting           : ${parts.join(', ')}`,
    `                       ${a.accountedFor} of ${a.sent} accounted for${a.balanced ? '' : ' (NOT balanced)'}; the feed published ${published}`,
  ];
  if (a.referredByReason.length > 0) {
    lines.push(`referral reasons     : ${a.referredByReason.map((r) => `${r.code} ${r.count}`).join(', ')}`);
  }
  lines.push(...named('parked at ingestion  ', a.parked, a.parkedIds, 'waiting for their company'));
  lines.push(...named('still in flight      ', a.inFlight, a.inFlightIds, 'received, not yet decided'));
  if (a.sent < published) {
    lines.push(`not received         : ${published - a.sent} published by the feed never reached ingestion`);
  }
  return lines;
}

function named(label: string, count: number, ids: string[] | null, what: string): string[] {
  if (count === 0) {
    return [];
  }
  if (ids === null || ids.length > NAMED_IDS) {
    return [`${label}: ${count} (${what}; too many to name here)`];
  }
  return [`${label}: ${ids.join(', ')} (${what})`];
}
