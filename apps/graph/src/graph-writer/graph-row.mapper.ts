import { CoreBankingEventTypes as T, type DomainEvent } from '@loanmesh/contracts';
import { normalizeName, normalizeRegistrationNumber } from '@loanmesh/entity-resolution';

import { OPEN_END, type GraphRows, type PartyLinkRow } from './graph-rows.types';

type Of<K extends DomainEvent['type']> = Extract<DomainEvent, { type: K }>;

const day = (iso: string): string => iso.slice(0, 10);

function link(
  e: DomainEvent,
  partyId: string,
  targetId: string,
  validFrom: string,
  props: PartyLinkRow['props'] = {},
  validTo?: string,
): PartyLinkRow {
  return { partyId, targetId, src: e.causationId ?? e.eventId, validFrom, validTo: validTo ?? OPEN_END, props };
}

function company(e: Of<'company.registered'> | Of<'company.updated'>, rows: GraphRows): void {
  const p = e.payload;
  rows.companies.push({
    id: p.companyId,
    version: p.version,
    src: e.causationId ?? e.eventId,
    validFrom: e.type === T.companyRegistered ? p.registeredAt : day(e.occurredAt),
    props: {
      name: p.name,
      nameNorm: normalizeName(p.name),
      registrationNumber: p.registrationNumber,
      regNorm: normalizeRegistrationNumber(p.registrationNumber),
      registeredAt: p.registeredAt,
      registeredCapital: p.registeredCapital,
      legalForm: p.legalForm,
      employees: p.employees,
      annualRevenue: p.annualRevenue,
    },
    addressKey: p.address.key,
    city: p.address.city,
    postcode: p.address.postcode,
    phoneToken: p.phoneToken,
    industry: p.industryCode,
    region: p.region,
  });
}

function person(e: Of<'person.registered'>, rows: GraphRows): void {
  const p = e.payload;
  rows.persons.push({
    id: p.personId,
    version: p.version,
    src: e.causationId ?? e.eventId,
    validFrom: day(e.occurredAt),
    props: {
      fullName: p.fullName,
      nameNorm: normalizeName(p.fullName),
      birthYear: p.birthYear,
      nationalIdToken: p.nationalIdToken,
    },
    addressKey: p.address.key,
    city: p.address.city,
    postcode: p.address.postcode,
    phoneToken: p.phoneToken,
  });
}

/** Splits one domain event into the rows of the statements that write it (pure; no I/O). */
export function mapDomainEvent(e: DomainEvent, rows: GraphRows): void {
  switch (e.type) {
    case T.companyRegistered:
    case T.companyUpdated:
      return company(e, rows);
    case T.personRegistered:
      return person(e, rows);
    case T.accountOpened: {
      const p = e.payload;
      const target = p.owner.kind === 'company' ? rows.companyAccounts : rows.personAccounts;
      target.push(link(e, p.owner.id, p.accountId, p.openedAt, { token: p.accountToken }));
      return;
    }
    case T.directorLinked: {
      const p = e.payload;
      rows.directors.push(link(e, p.personId, p.companyId, p.validFrom, { role: p.role }, p.validTo));
      return;
    }
    case T.shareholderLinked: {
      const p = e.payload;
      const target = p.holder.kind === 'company' ? rows.companyShareholders : rows.personShareholders;
      target.push(link(e, p.holder.id, p.companyId, p.validFrom, { share: p.share }, p.validTo));
      return;
    }
    case T.supplierLinked: {
      const p = e.payload;
      rows.suppliers.push(
        link(e, p.supplierCompanyId, p.customerCompanyId, p.validFrom, { yearlyVolume: p.yearlyVolume }),
      );
      return;
    }
    case T.guaranteeRegistered: {
      const p = e.payload;
      const target = p.guarantor.kind === 'company' ? rows.companyGuarantees : rows.personGuarantees;
      target.push(
        link(
          e,
          p.guarantor.id,
          p.borrowerCompanyId,
          p.validFrom,
          { id: p.guaranteeId, loanId: p.loanId, amount: p.amount },
          p.validTo,
        ),
      );
      return;
    }
    case T.transactionBatch: {
      const p = e.payload;
      rows.payments.push(
        link(e, p.fromAccountId, p.toAccountId, `${p.month}-01`, {
          month: p.month,
          count: p.count,
          totalAmount: p.totalAmount,
        }),
      );
      return;
    }
    case T.applicationSubmitted: {
      const p = e.payload;
      rows.applications.push(
        link(e, p.companyId, p.applicationId, day(p.submittedAt), {
          amount: p.amount,
          termMonths: p.termMonths,
          purpose: p.purpose,
          submittedAt: p.submittedAt,
        }),
      );
      return;
    }
    case T.loanDisbursed:
    case T.repaymentMade:
    case T.paymentMissed:
    case T.loanDefaulted:
    case T.publicRecordFiled:
      return mapLoanEvent(e, rows);
  }
}

function mapLoanEvent(
  e: Of<'loan.disbursed' | 'loan.repayment-made' | 'loan.payment-missed' | 'loan.defaulted' | 'public-record.filed'>,
  rows: GraphRows,
): void {
  switch (e.type) {
    case T.loanDisbursed: {
      const p = e.payload;
      rows.loans.push(
        link(e, p.companyId, p.loanId, p.disbursedAt, {
          applicationId: p.applicationId ?? '',
          amount: p.amount,
          termMonths: p.termMonths,
          interestRate: p.interestRate,
          disbursedAt: p.disbursedAt,
          maturityAt: p.maturityAt,
        }),
      );
      return;
    }
    case T.repaymentMade:
      rows.repayments.push(
        link(e, e.payload.companyId, e.payload.loanId, e.payload.paidAt, {
          installmentNo: e.payload.installmentNo,
          paidAt: e.payload.paidAt,
        }),
      );
      return;
    case T.paymentMissed:
      rows.missedPayments.push(
        link(e, e.payload.companyId, e.payload.loanId, e.payload.dueAt, {
          daysPastDue: e.payload.daysPastDue,
          dueAt: e.payload.dueAt,
        }),
      );
      return;
    case T.loanDefaulted:
      rows.defaults.push(
        link(e, e.payload.companyId, e.payload.loanId, e.payload.defaultedAt, { exposure: e.payload.exposure }),
      );
      return;
    case T.publicRecordFiled: {
      const p = e.payload;
      const target = p.subject.kind === 'company' ? rows.companyRecords : rows.personRecords;
      target.push(link(e, p.subject.id, p.recordId, p.filedAt, { kind: p.kind, amount: p.amount, status: p.status }));
      return;
    }
  }
}

/**
 * The start nodes of every relationship and property the feature walks read that these
 * rows write; reloading them keeps the in-memory graph equal to Neo4j (incoming edges
 * are derived from their start nodes).
 */
export function touchedRecords(rows: GraphRows): { companyIds: string[]; personIds: string[] } {
  const parties = (list: readonly PartyLinkRow[]): string[] => list.map((r) => r.partyId);
  return {
    companyIds: [
      ...rows.companies.map((c) => c.id),
      ...parties(rows.companyAccounts),
      ...parties(rows.defaults),
      ...parties(rows.companyRecords),
      ...parties(rows.companyShareholders),
      ...parties(rows.suppliers),
      ...parties(rows.companyGuarantees),
    ],
    personIds: [...rows.persons.map((p) => p.id), ...parties(rows.directors), ...parties(rows.personShareholders)],
  };
}
