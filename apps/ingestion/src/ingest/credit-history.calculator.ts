import type { CreditHistory } from '@loanmesh/contracts';

/** The borrower's stored loans and facts, as read from the store. */
export interface LoanFacts {
  loanId: string;
  amount: number;
  termMonths: number;
  disbursedAt: string;
}

export interface LoanFact {
  loanId: string;
  kind: 'REPAYMENT' | 'MISSED' | 'DEFAULT';
  /** Paid-at, due-at or defaulted-at (YYYY-MM-DD). */
  eventDate: string;
}

const DAY_MS = 86_400_000;

function dayOf(iso: string): number {
  return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

/** Same calendar as the world and the training data: day of month capped at 28. */
function addMonths(day: number, months: number): number {
  const d = new Date(day * DAY_MS);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, Math.min(d.getUTCDate(), 28)) / DAY_MS);
}

/** Installments are quarterly, at least one. */
function installmentCount(termMonths: number): number {
  return Math.max(1, Math.round(termMonths / 3));
}

/**
 * The borrower's history strictly before the submission day, with the definitions the
 * models were trained on (docs/ingestion.md): loans disbursed before it, those defaulted
 * before it, missed installments whose 30-days-late mark falls in the previous 365 days,
 * principal not yet due on loans not defaulted, public records filed in the previous
 * three years.
 */
export function creditHistoryAsOf(
  submittedAt: string,
  loans: readonly LoanFacts[],
  facts: readonly LoanFact[],
  recordFiledAt: readonly string[],
): CreditHistory {
  const day = dayOf(submittedAt);
  const history: CreditHistory = {
    priorLoans: 0,
    priorDefaults: 0,
    missedPayments12m: 0,
    outstandingExposure: 0,
    activePublicRecords: 0,
  };
  for (const loan of loans) {
    const disbursed = dayOf(loan.disbursedAt);
    if (disbursed >= day) {
      continue;
    }
    const own = facts.filter((f) => f.loanId === loan.loanId);
    history.priorLoans++;
    history.missedPayments12m += own.filter(
      (f) => f.kind === 'MISSED' && inWindow(dayOf(f.eventDate) + 30, day, 365),
    ).length;
    if (own.some((f) => f.kind === 'DEFAULT' && dayOf(f.eventDate) < day)) {
      history.priorDefaults++;
    } else {
      history.outstandingExposure += notYetDue(loan, disbursed, day);
    }
  }
  history.outstandingExposure = Math.round(history.outstandingExposure);
  history.activePublicRecords = recordFiledAt.filter((f) => inWindow(dayOf(f), day, 1095)).length;
  return history;
}

function inWindow(at: number, day: number, days: number): boolean {
  return at < day && at >= day - days;
}

function notYetDue(loan: LoanFacts, disbursed: number, day: number): number {
  const count = installmentCount(loan.termMonths);
  let due = 0;
  for (let i = 1; i <= count; i++) {
    if (addMonths(disbursed, i * 3) < day) {
      due++;
    }
  }
  return (loan.amount * (count - due)) / count;
}
