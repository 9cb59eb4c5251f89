import type { CreditHistory } from '@loanmesh/contracts';

/**
 * The one definition of the borrower's own credit history (the five history features), for
 * training (the world's ledger) and serving (ingestion's store) alike: each side only supplies
 * facts. Days are whole UTC days since the epoch; "as of" a day means strictly before it.
 */
export interface CreditLoanFacts {
  disbursedDay: number;
  termMonths: number;
  amount: number;
  /** Day the loan defaulted, null when it has not. */
  defaultedDay: number | null;
  /** Due days of the installments reported missed (an installment reported twice counts once). */
  missedDueDays: readonly number[];
}

const MISSED_WINDOW_DAYS = 365;
const MISSED_AFTER_DAYS = 30;
const PUBLIC_RECORD_WINDOW_DAYS = 1095;
const DAY_MS = 86_400_000;

/** Installments are quarterly: termMonths / 3 of them, at least one. */
export function installmentCount(termMonths: number): number {
  return Math.max(1, Math.round(termMonths / 3));
}

/** Months later on the lending calendar (day of month capped at 28, so every month has it). */
export function addCalendarMonths(day: number, months: number): number {
  const d = new Date(day * DAY_MS);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, Math.min(d.getUTCDate(), 28)) / DAY_MS);
}

/** Due day of installment `n` (1-based): every three months from disbursement. */
export function installmentDueDay(disbursedDay: number, n: number): number {
  return addCalendarMonths(disbursedDay, n * 3);
}

/** Whole UTC day of an ISO date or instant. */
export function dayOfIso(iso: string): number {
  return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

/**
 * History as of `day`: loans disbursed before it; of those, the ones defaulted before it;
 * missed installments whose 30-days-late mark falls in the previous 365 days; principal not
 * yet due (amount times the share of installments due on or after the day) on loans not
 * defaulted, rounded once; public records filed in the previous three years.
 */
export function creditHistoryAsOf(
  day: number,
  loans: readonly CreditLoanFacts[],
  publicRecordFiledDays: readonly number[],
): CreditHistory {
  const history: CreditHistory = {
    priorLoans: 0,
    priorDefaults: 0,
    missedPayments12m: 0,
    outstandingExposure: 0,
    activePublicRecords: publicRecordFiledDays.filter((f) => inWindow(f, day, PUBLIC_RECORD_WINDOW_DAYS)).length,
  };
  for (const loan of loans) {
    if (loan.disbursedDay >= day) {
      continue;
    }
    history.priorLoans++;
    history.missedPayments12m += countMissed(loan, day);
    if (loan.defaultedDay !== null && loan.defaultedDay < day) {
      history.priorDefaults++;
    } else {
      history.outstandingExposure += notYetDue(loan, day);
    }
  }
  history.outstandingExposure = Math.round(history.outstandingExposure);
  return history;
}

function countMissed(loan: CreditLoanFacts, day: number): number {
  return [...new Set(loan.missedDueDays)].filter((due) => inWindow(due + MISSED_AFTER_DAYS, day, MISSED_WINDOW_DAYS))
    .length;
}

function inWindow(at: number, day: number, days: number): boolean {
  return at < day && at >= day - days;
}

function notYetDue(loan: CreditLoanFacts, day: number): number {
  const count = installmentCount(loan.termMonths);
  let due = 0;
  for (let i = 1; i <= count; i++) {
    if (installmentDueDay(loan.disbursedDay, i) < day) {
      due++;
    }
  }
  return (loan.amount * (count - due)) / count;
}
