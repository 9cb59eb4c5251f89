import { CoreBankingEventTypes as T, type CoreBankingEvent } from '@loanmesh/contracts';

import { isoDay, isoInstant, isoMonth } from '../calendar/world-calendar';
import { dueDay, installmentCount } from '../lending/credit-ledger';
import type { World } from '../world.types';
import {
  applicationPayload,
  companyPayload,
  envelope,
  installmentAmount,
  partyOf,
  personPayload,
  type EnvelopeContext,
} from './core-banking-event.factory';
import { EventKind, EventRefTable } from './event-ref.table';
import { WorldEventIds } from './world-event-ids';

export interface EventSourceOptions {
  /** producedAt for an event; defaults to its occurredAt (byte-identical files for a seed). */
  readonly producedAt?: (occurredAt: string) => string;
}

/**
 * The whole world history as core-banking events in causal order. Event ids are named by
 * position under the world's namespace (`WorldEventIds`), so the same seed and scale yield
 * byte-identical events.
 */
export class BacklogEventSource {
  readonly refs: EventRefTable;
  private readonly ids: WorldEventIds;
  private readonly producedAt: (occurredAt: string) => string;

  constructor(
    private readonly world: World,
    options: EventSourceOptions = {},
  ) {
    this.refs = new EventRefTable(world);
    this.ids = new WorldEventIds(world.options.seed, world.options.scale);
    this.producedAt = options.producedAt ?? ((at) => at);
  }

  get length(): number {
    return this.refs.length;
  }

  *events(): Generator<CoreBankingEvent> {
    const { order } = this.refs;
    for (let i = 0; i < order.length; i++) {
      yield this.materialize(order[i], { eventId: this.ids.backlog(i), producedAt: this.producedAt });
    }
  }

  private materialize(ref: number, ctx: EnvelopeContext): CoreBankingEvent {
    const r = this.refs;
    const kind = r.kind[ref] as EventKind;
    const a = r.a[ref];
    const at = isoInstant(r.day[ref], 6 * 3600 + kind * 600);
    switch (kind) {
      case EventKind.CompanyRegistered:
      case EventKind.CompanyUpdated:
        return this.company(ctx, kind, a, r.day[ref], at);
      case EventKind.PersonRegistered:
        return envelope(
          ctx,
          T.personRegistered,
          at,
          this.world.persons[a].id,
          personPayload(this.world, this.world.persons[a]),
        );
      case EventKind.AccountOpened:
        return this.account(ctx, a, at);
      case EventKind.DirectorLinked:
      case EventKind.ShareholderLinked:
      case EventKind.SupplierLinked:
        return this.link(ctx, kind, a, at);
      case EventKind.ApplicationSubmitted:
      case EventKind.LoanDisbursed:
      case EventKind.GuaranteeRegistered:
        return this.origination(ctx, kind, a);
      case EventKind.RepaymentMade:
      case EventKind.PaymentMissed:
      case EventKind.LoanDefaulted:
        return this.servicing(ctx, kind, a, r.b[ref], r.day[ref], at);
      case EventKind.PublicRecordFiled:
        return this.record(ctx, a, at);
      case EventKind.TransactionBatch:
        return this.transactions(ctx, a, r.b[ref], at);
    }
  }

  private company(ctx: EnvelopeContext, kind: EventKind, index: number, day: number, at: string): CoreBankingEvent {
    const c = this.world.companies[index];
    // A registration shows the filing of the registration day; an update shows the restated one.
    const payload = companyPayload(this.world, c, kind === EventKind.CompanyUpdated ? day + 1 : day);
    const type = kind === EventKind.CompanyUpdated ? T.companyUpdated : T.companyRegistered;
    return envelope(ctx, type, at, c.id, payload);
  }

  private account(ctx: EnvelopeContext, index: number, at: string): CoreBankingEvent {
    const acc = this.world.accounts[index];
    return envelope(ctx, T.accountOpened, at, acc.id, {
      accountId: acc.id,
      owner: partyOf(this.world, acc.ownerKind, acc.owner),
      accountNumber: acc.accountNumber,
      openedAt: isoDay(acc.openedDay),
    });
  }

  private link(ctx: EnvelopeContext, kind: EventKind, index: number, at: string): CoreBankingEvent {
    const w = this.world;
    if (kind === EventKind.DirectorLinked) {
      const d = w.directors[index];
      const companyId = w.companies[d.company].id;
      return envelope(ctx, T.directorLinked, at, companyId, {
        companyId,
        personId: w.persons[d.person].id,
        role: d.role,
        validFrom: isoDay(d.fromDay),
      });
    }
    if (kind === EventKind.ShareholderLinked) {
      const s = w.shareholders[index];
      const companyId = w.companies[s.company].id;
      return envelope(ctx, T.shareholderLinked, at, companyId, {
        companyId,
        holder: partyOf(w, s.holderKind, s.holder),
        share: s.share,
        validFrom: isoDay(s.fromDay),
      });
    }
    const s = w.suppliers[index];
    const customerCompanyId = w.companies[s.customer].id;
    return envelope(ctx, T.supplierLinked, at, customerCompanyId, {
      supplierCompanyId: w.companies[s.supplier].id,
      customerCompanyId,
      yearlyVolume: s.volume,
      validFrom: isoDay(s.fromDay),
    });
  }

  private origination(ctx: EnvelopeContext, kind: EventKind, index: number): CoreBankingEvent {
    const w = this.world;
    if (kind === EventKind.GuaranteeRegistered) {
      const g = w.guarantees[index];
      const loan = w.loans[g.loan];
      const at = isoInstant(g.fromDay, 6 * 3600 + kind * 600);
      return envelope(ctx, T.guaranteeRegistered, at, loan.applicationId, {
        guaranteeId: g.id,
        loanId: loan.id,
        borrowerCompanyId: w.companies[loan.company].id,
        guarantor: partyOf(w, g.guarantorKind, g.guarantor),
        amount: g.amount,
        validFrom: isoDay(g.fromDay),
        validTo: isoDay(g.toDay),
      });
    }
    const loan = w.loans[index];
    if (kind === EventKind.ApplicationSubmitted) {
      const at = isoInstant(loan.submittedDay, loan.submittedSecond);
      return envelope(ctx, T.applicationSubmitted, at, loan.applicationId, applicationPayload(w, loan));
    }
    return envelope(ctx, T.loanDisbursed, isoInstant(loan.disbursedDay, 6 * 3600 + kind * 600), loan.applicationId, {
      loanId: loan.id,
      applicationId: loan.applicationId,
      companyId: w.companies[loan.company].id,
      amount: loan.amount,
      termMonths: loan.termMonths,
      purpose: loan.purpose,
      interestRate: loan.interestRate,
      disbursedAt: isoDay(loan.disbursedDay),
      maturityAt: isoDay(dueDay(loan, installmentCount(loan))),
    });
  }

  private servicing(
    ctx: EnvelopeContext,
    kind: EventKind,
    index: number,
    b: number,
    day: number,
    at: string,
  ): CoreBankingEvent {
    const loan = this.world.loans[index];
    const companyId = this.world.companies[loan.company].id;
    if (kind === EventKind.RepaymentMade) {
      return envelope(ctx, T.repaymentMade, at, loan.applicationId, {
        loanId: loan.id,
        companyId,
        installmentNo: b,
        amount: installmentAmount(loan),
        paidAt: isoDay(day),
      });
    }
    if (kind === EventKind.PaymentMissed) {
      const installmentNo = b >> 1;
      return envelope(ctx, T.paymentMissed, at, loan.applicationId, {
        loanId: loan.id,
        companyId,
        installmentNo,
        amountDue: installmentAmount(loan),
        dueAt: isoDay(dueDay(loan, installmentNo)),
        daysPastDue: b & 1 ? 90 : 30,
      });
    }
    const n = installmentCount(loan);
    const exposure = Math.round((loan.amount * (n - loan.defaultInstallment + 1)) / n);
    return envelope(ctx, T.loanDefaulted, at, loan.applicationId, {
      loanId: loan.id,
      companyId,
      exposure,
      defaultedAt: isoDay(loan.defaultDay),
    });
  }

  private record(ctx: EnvelopeContext, index: number, at: string): CoreBankingEvent {
    const r = this.world.records[index];
    return envelope(ctx, T.publicRecordFiled, at, r.id, {
      recordId: r.id,
      subject: partyOf(this.world, r.subjectKind, r.subject),
      kind: r.kind,
      amount: r.amount,
      filedAt: isoDay(r.filedDay),
      status: r.status,
    });
  }

  private transactions(ctx: EnvelopeContext, flowIndex: number, month: number, at: string): CoreBankingEvent {
    const flow = this.world.flows[flowIndex];
    const monthDay = flow.months[month];
    const from = this.world.accounts[flow.from];
    // Monthly count and total vary deterministically with the month, not with a PRNG draw.
    const wobble = 0.8 + ((flowIndex * 31 + month * 17) % 41) / 100;
    return envelope(ctx, T.transactionBatch, at, from.id, {
      fromAccountId: from.id,
      toAccountId: this.world.accounts[flow.to].id,
      month: isoMonth(monthDay),
      count: 1 + ((flowIndex + month) % 6),
      totalAmount: Math.round(flow.monthlyAmount * wobble),
    });
  }
}
