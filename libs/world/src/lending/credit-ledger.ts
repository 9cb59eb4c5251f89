import { addMonths } from '../calendar/world-calendar';
import type { Company, Financials, Loan, PublicRecord, World } from '../world.types';

export interface CreditHistoryAsOf {
  priorLoans: number;
  priorDefaults: number;
  missedPayments12m: number;
  outstandingExposure: number;
  activePublicRecords: number;
}

/** Installments are quarterly: a loan of `termMonths` has termMonths / 3 of them (at least one). */
export function installmentCount(loan: Pick<Loan, 'termMonths'>): number {
  return Math.max(1, Math.round(loan.termMonths / 3));
}

export function dueDay(loan: Pick<Loan, 'disbursedDay'>, installment: number): number {
  return addMonths(loan.disbursedDay, installment * 3);
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
    let n = 0;
    for (const r of this.recordsOf[company]) {
      const filed = this.world.records[r].filedDay;
      if (filed < day && filed >= day - 1095) {
        n++;
      }
    }
    return n;
  }

  priorDefaults(company: number, day: number): number {
    return this.loansOf[company].filter((l) => this.isDefaultedBefore(this.world.loans[l], day)).length;
  }

  creditHistory(company: number, day: number): CreditHistoryAsOf {
    const h: CreditHistoryAsOf = {
      priorLoans: 0,
      priorDefaults: 0,
      missedPayments12m: 0,
      outstandingExposure: 0,
      activePublicRecords: this.activePublicRecords(company, day),
    };
    for (const index of this.loansOf[company]) {
      const loan = this.world.loans[index];
      if (loan.disbursedDay >= day) {
        continue;
      }
      h.priorLoans++;
      h.missedPayments12m += missedIn12m(loan, day);
      if (this.isDefaultedBefore(loan, day)) {
        h.priorDefaults++;
      } else {
        h.outstandingExposure += outstanding(loan, day);
      }
    }
    h.outstandingExposure = Math.round(h.outstandingExposure);
    return h;
  }

  private isDefaultedBefore(loan: Loan, day: number): boolean {
    return loan.defaulted && loan.defaultDay < day;
  }
}

/** Missed installments whose first missed-payment event (due + 30 days) lies in [day - 365, day). */
function missedIn12m(loan: Loan, day: number): number {
  let n = 0;
  const count = installmentCount(loan);
  for (let i = 1; i <= count; i++) {
    const missed = loan.defaultInstallment === i || (loan.lateMask & (1 << (i - 1))) !== 0;
    const at = dueDay(loan, i) + 30;
    if (missed && at < day && at >= day - 365) {
      n++;
    }
    if (loan.defaultInstallment === i) {
      break;
    }
  }
  return n;
}

/** Principal not yet due: amount times the share of installments due on or after `day`. */
function outstanding(loan: Loan, day: number): number {
  const count = installmentCount(loan);
  let due = 0;
  for (let i = 1; i <= count; i++) {
    if (dueDay(loan, i) < day) {
      due++;
    }
  }
  return (loan.amount * (count - due)) / count;
}
