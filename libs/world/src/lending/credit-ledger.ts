import type { CreditHistory } from '@loanmesh/contracts';
import {
  creditHistoryAsOf,
  installmentCount as installmentsOfTerm,
  installmentDueDay,
  type CreditLoanFacts,
} from '@loanmesh/features';

import type { Company, Financials, Loan, PublicRecord, World } from '../world.types';

export type CreditHistoryAsOf = CreditHistory;

/** Installments are quarterly (the shared definition in `@loanmesh/features`). */
export function installmentCount(loan: Pick<Loan, 'termMonths'>): number {
  return installmentsOfTerm(loan.termMonths);
}

export function dueDay(loan: Pick<Loan, 'disbursedDay'>, installment: number): number {
  return installmentDueDay(loan.disbursedDay, installment);
}

/** Company filing valid on `day` (strictly before it, like every other "as of" rule). */
export function financialsAsOf(company: Company, day: number): Financials {
  return company.update && company.update.day < day ? company.update.fin : company.fin;
}

/**
 * Per-company loans and public records, so the borrower's own history can be read as of
 * any day. Records added during simulation (judgments after defaults) are appended live.
 */
export class CreditLedger {
  private readonly loansOf: number[][];
  private readonly recordsOf: number[][];

  constructor(private readonly world: Pick<World, 'companies' | 'loans' | 'records'>) {
    this.loansOf = world.companies.map(() => []);
    this.recordsOf = world.companies.map(() => []);
    world.loans.forEach((l) => this.loansOf[l.company].push(l.index));
    world.records.forEach((r) => this.addRecord(r));
  }

  addRecord(record: PublicRecord): void {
    if (record.subjectKind === 'company') {
      this.recordsOf[record.subject].push(record.index);
    }
  }

  activePublicRecords(company: number, day: number): number {
    const filed = this.recordsOf[company].map((r) => this.world.records[r].filedDay);
    return creditHistoryAsOf(day, [], filed).activePublicRecords;
  }

  priorDefaults(company: number, day: number): number {
    return this.loansOf[company].filter((l) => this.isDefaultedBefore(this.world.loans[l], day)).length;
  }

  /**
   * The borrower's own history as of a day, by the shared definition (`@loanmesh/features`,
   * also ingestion's at serving time): the ledger only supplies the facts the event stream
   * reports (missed installments, default day, public records filed).
   */
  creditHistory(company: number, day: number): CreditHistoryAsOf {
    return creditHistoryAsOf(
      day,
      this.loansOf[company].map((index) => loanFacts(this.world.loans[index])),
      this.recordsOf[company].map((r) => this.world.records[r].filedDay),
    );
  }

  private isDefaultedBefore(loan: Loan, day: number): boolean {
    return loan.defaulted && loan.defaultDay < day;
  }
}

/** What the event stream reports of a loan: a missed-payment event per late installment, up to the one it defaulted on. */
function loanFacts(loan: Loan): CreditLoanFacts {
  const missedDueDays: number[] = [];
  const count = installmentCount(loan);
  for (let i = 1; i <= count; i++) {
    if (loan.defaultInstallment === i || (loan.lateMask & (1 << (i - 1))) !== 0) {
      missedDueDays.push(dueDay(loan, i));
    }
    if (loan.defaultInstallment === i) {
      break;
    }
  }
  return {
    disbursedDay: loan.disbursedDay,
    termMonths: loan.termMonths,
    amount: loan.amount,
    defaultedDay: loan.defaulted ? loan.defaultDay : null,
    missedDueDays,
  };
}
