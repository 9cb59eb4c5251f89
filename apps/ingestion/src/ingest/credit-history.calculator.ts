import type { CreditHistory } from '@loanmesh/contracts';
import { creditHistoryAsOf as historyFromFacts, dayOfIso, type CreditLoanFacts } from '@loanmesh/features';

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

/**
 * The borrower's history strictly before the submission day. The definition is the shared one
 * in `@loanmesh/features` (`creditHistoryAsOf`, also used by the world's ledger for training,
 * docs/ingestion.md); this only turns the store's rows into its facts.
 */
export function creditHistoryAsOf(
  submittedAt: string,
  loans: readonly LoanFacts[],
  facts: readonly LoanFact[],
  recordFiledAt: readonly string[],
): CreditHistory {
  return historyFromFacts(
    dayOfIso(submittedAt),
    loans.map((loan) => loanFacts(loan, facts)),
    recordFiledAt.map(dayOfIso),
  );
}

function loanFacts(loan: LoanFacts, facts: readonly LoanFact[]): CreditLoanFacts {
  const own = facts.filter((f) => f.loanId === loan.loanId);
  const defaults = own.filter((f) => f.kind === 'DEFAULT').map((f) => dayOfIso(f.eventDate));
  return {
    disbursedDay: dayOfIso(loan.disbursedAt),
    termMonths: loan.termMonths,
    amount: loan.amount,
    defaultedDay: defaults.length === 0 ? null : Math.min(...defaults),
    missedDueDays: own.filter((f) => f.kind === 'MISSED').map((f) => dayOfIso(f.eventDate)),
  };
}
