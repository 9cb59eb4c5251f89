import { NEVER } from '../calendar/world-calendar';
import { dueDay, installmentCount } from '../lending/credit-ledger';
import type { World } from '../world.types';

/** Backlog event kinds in causal priority within a day (lower first). */
export const enum EventKind {
  CompanyRegistered = 0,
  PersonRegistered = 1,
  AccountOpened = 2,
  CompanyUpdated = 3,
  DirectorLinked = 4,
  ShareholderLinked = 5,
  SupplierLinked = 6,
  ApplicationSubmitted = 7,
  LoanDisbursed = 8,
  GuaranteeRegistered = 9,
  RepaymentMade = 10,
  PaymentMissed = 11,
  LoanDefaulted = 12,
  PublicRecordFiled = 13,
  TransactionBatch = 14,
}
const KINDS = 16;

/**
 * Every backlog event as a compact reference (day, kind, a, b) in typed arrays, ordered by
 * day then kind with a counting sort: parties are registered before their links, loans
 * before their guarantees and repayments. Events are materialized one at a time later.
 */
export class EventRefTable {
  private days: number[] = [];
  private kinds: number[] = [];
  private as: number[] = [];
  private bs: number[] = [];
  order = new Int32Array(0);
  kind = new Uint8Array(0);
  a = new Int32Array(0);
  b = new Int32Array(0);
  day = new Int32Array(0);

  constructor(private readonly world: World) {
    this.collectParties();
    this.collectLoans();
    world.records.forEach((r) => this.add(r.filedDay, EventKind.PublicRecordFiled, r.index));
    world.flows.forEach((f, i) => f.months.forEach((m, j) => this.add(m + 27, EventKind.TransactionBatch, i, j)));
    this.sort();
  }

  get length(): number {
    return this.order.length;
  }

  private add(day: number, kind: EventKind, a: number, b = 0): void {
    if (day < this.world.nowDay) {
      this.days.push(day);
      this.kinds.push(kind);
      this.as.push(a);
      this.bs.push(b);
    }
  }

  private collectParties(): void {
    const w = this.world;
    w.companies.forEach((c) => this.add(c.eventDay, EventKind.CompanyRegistered, c.index));
    w.companies.forEach((c) => c.update && this.add(c.update.day, EventKind.CompanyUpdated, c.index));
    w.persons.forEach((p) => this.add(p.firstDay, EventKind.PersonRegistered, p.index));
    w.accounts.forEach((a) => this.add(a.openedDay, EventKind.AccountOpened, a.index));
    w.directors.forEach((d, i) => this.add(d.fromDay, EventKind.DirectorLinked, i));
    w.shareholders.forEach((s, i) => this.add(s.fromDay, EventKind.ShareholderLinked, i));
    w.suppliers.forEach((s, i) => this.add(s.fromDay, EventKind.SupplierLinked, i));
  }

  private collectLoans(): void {
    for (const loan of this.world.loans) {
      this.add(loan.submittedDay, EventKind.ApplicationSubmitted, loan.index);
      this.add(loan.disbursedDay, EventKind.LoanDisbursed, loan.index);
      loan.guarantees.forEach((g) => this.add(loan.disbursedDay, EventKind.GuaranteeRegistered, g));
      const last = loan.defaulted ? loan.defaultInstallment : installmentCount(loan);
      for (let i = 1; i <= last; i++) {
        const due = dueDay(loan, i);
        const late = (loan.lateMask & (1 << (i - 1))) !== 0;
        if (i === loan.defaultInstallment) {
          this.add(due + 30, EventKind.PaymentMissed, loan.index, i * 2);
          this.add(due + 90, EventKind.PaymentMissed, loan.index, i * 2 + 1);
          this.add(loan.defaultDay, EventKind.LoanDefaulted, loan.index);
        } else {
          if (late) {
            this.add(due + 30, EventKind.PaymentMissed, loan.index, i * 2);
          }
          this.add(late ? due + 31 : due, EventKind.RepaymentMade, loan.index, i);
        }
      }
    }
  }

  /** Counting sort on (day - minDay) * KINDS + kind; stable, so insertion order breaks ties. */
  private sort(): void {
    const n = this.days.length;
    let min = NEVER;
    let max = 0;
    for (const d of this.days) {
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    const buckets = new Int32Array((max - min + 1) * KINDS + 1);
    const key = (i: number): number => (this.days[i] - min) * KINDS + this.kinds[i];
    for (let i = 0; i < n; i++) {
      buckets[key(i) + 1]++;
    }
    for (let k = 1; k < buckets.length; k++) {
      buckets[k] += buckets[k - 1];
    }
    this.order = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      this.order[buckets[key(i)]++] = i;
    }
    this.day = Int32Array.from(this.days);
    this.kind = Uint8Array.from(this.kinds);
    this.a = Int32Array.from(this.as);
    this.b = Int32Array.from(this.bs);
    this.days = [];
    this.kinds = [];
    this.as = [];
    this.bs = [];
  }
}
