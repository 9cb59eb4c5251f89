import { CoreBankingEventTypes as T, type DomainEvent } from '@loanmesh/contracts';

import type { StoreTable } from './store-tables';

/** One row for one current-state table, produced by one (tokenized) event. */
export interface StoreWrite {
  table: StoreTable;
  /** The row's identity within its table (joined key columns). */
  key: string;
  row: Record<string, unknown>;
}

type Payload<K extends DomainEvent['type']> = Extract<DomainEvent, { type: K }>['payload'];

/** Maps an event to the row it writes; every event type writes exactly one row. */
export function toStoreWrite(event: DomainEvent): StoreWrite {
  const lineage = { event_id: event.eventId, occurred_at: event.occurredAt };
  const [table, row] = rowOf(event);
  const full = { ...row, ...lineage };
  return { table, key: keyOf(table, full), row: full };
}

const KEYS: Record<StoreTable, readonly string[]> = {
  companies: ['company_id'],
  persons: ['person_id'],
  accounts: ['account_id'],
  party_links: ['kind', 'from_kind', 'from_id', 'to_id'],
  guarantees: ['guarantee_id'],
  transaction_flows: ['from_account_id', 'to_account_id', 'month'],
  loan_applications: ['application_id'],
  loans: ['loan_id'],
  loan_events: ['loan_id', 'kind', 'installment_no'],
  public_records: ['record_id'],
};

function keyOf(table: StoreTable, row: Record<string, unknown>): string {
  return KEYS[table].map((k) => String(row[k])).join('|');
}

function rowOf(e: DomainEvent): [StoreTable, Record<string, unknown>] {
  switch (e.type) {
    case T.companyRegistered:
    case T.companyUpdated:
      return ['companies', companyRow(e.payload)];
    case T.personRegistered:
      return ['persons', personRow(e.payload)];
    case T.accountOpened: {
      const p = e.payload;
      return [
        'accounts',
        {
          account_id: p.accountId,
          owner_kind: p.owner.kind,
          owner_id: p.owner.id,
          account_token: p.accountToken,
          opened_at: p.openedAt,
        },
      ];
    }
    case T.directorLinked:
    case T.shareholderLinked:
    case T.supplierLinked:
      return ['party_links', linkRow(e)];
    case T.guaranteeRegistered: {
      const p = e.payload;
      return [
        'guarantees',
        {
          guarantee_id: p.guaranteeId,
          loan_id: p.loanId,
          borrower_company_id: p.borrowerCompanyId,
          guarantor_kind: p.guarantor.kind,
          guarantor_id: p.guarantor.id,
          amount: p.amount,
          valid_from: p.validFrom,
          valid_to: p.validTo ?? null,
        },
      ];
    }
    case T.transactionBatch: {
      const p = e.payload;
      return [
        'transaction_flows',
        {
          from_account_id: p.fromAccountId,
          to_account_id: p.toAccountId,
          month: p.month,
          count: p.count,
          total_amount: p.totalAmount,
        },
      ];
    }
    case T.applicationSubmitted: {
      const p = e.payload;
      return [
        'loan_applications',
        {
          application_id: p.applicationId,
          company_id: p.companyId,
          amount: p.amount,
          term_months: p.termMonths,
          purpose: p.purpose,
          submitted_at: p.submittedAt,
          guarantors: p.guarantors,
        },
      ];
    }
    case T.loanDisbursed: {
      const p = e.payload;
      return [
        'loans',
        {
          loan_id: p.loanId,
          application_id: p.applicationId ?? null,
          company_id: p.companyId,
          amount: p.amount,
          term_months: p.termMonths,
          purpose: p.purpose,
          interest_rate: p.interestRate,
          disbursed_at: p.disbursedAt,
          maturity_at: p.maturityAt,
        },
      ];
    }
    case T.repaymentMade:
    case T.paymentMissed:
    case T.loanDefaulted:
      return ['loan_events', loanEventRow(e)];
    case T.publicRecordFiled: {
      const p = e.payload;
      return [
        'public_records',
        {
          record_id: p.recordId,
          subject_kind: p.subject.kind,
          subject_id: p.subject.id,
          kind: p.kind,
          amount: p.amount,
          filed_at: p.filedAt,
          status: p.status,
        },
      ];
    }
  }
}

function companyRow(p: Payload<'company.registered'>): Record<string, unknown> {
  return {
    company_id: p.companyId,
    version: p.version,
    name: p.name,
    registration_number: p.registrationNumber,
    registered_at: p.registeredAt,
    registered_capital: p.registeredCapital,
    legal_form: p.legalForm,
    industry_code: p.industryCode,
    region: p.region,
    employees: p.employees,
    annual_revenue: p.annualRevenue,
    financials: p.financials,
    address_key: p.address.key,
    city: p.address.city,
    postcode: p.address.postcode,
    phone_token: p.phoneToken,
  };
}

function personRow(p: Payload<'person.registered'>): Record<string, unknown> {
  return {
    person_id: p.personId,
    version: p.version,
    national_id_token: p.nationalIdToken,
    full_name: p.fullName,
    birth_year: p.birthYear,
    address_key: p.address.key,
    city: p.address.city,
    postcode: p.address.postcode,
    phone_token: p.phoneToken,
  };
}

type LinkEvent = Extract<DomainEvent, { type: 'director.linked' | 'shareholder.linked' | 'supplier.linked' }>;

function linkRow(e: LinkEvent): Record<string, unknown> {
  switch (e.type) {
    case T.directorLinked: {
      const p = e.payload;
      return {
        kind: 'DIRECTOR',
        from_kind: 'person',
        from_id: p.personId,
        to_id: p.companyId,
        attributes: { role: p.role },
        valid_from: p.validFrom,
        valid_to: p.validTo ?? null,
      };
    }
    case T.shareholderLinked: {
      const p = e.payload;
      return {
        kind: 'SHAREHOLDER',
        from_kind: p.holder.kind,
        from_id: p.holder.id,
        to_id: p.companyId,
        attributes: { share: p.share },
        valid_from: p.validFrom,
        valid_to: p.validTo ?? null,
      };
    }
    case T.supplierLinked: {
      const p = e.payload;
      return {
        kind: 'SUPPLIER',
        from_kind: 'company',
        from_id: p.supplierCompanyId,
        to_id: p.customerCompanyId,
        attributes: { yearlyVolume: p.yearlyVolume },
        valid_from: p.validFrom,
        valid_to: null,
      };
    }
  }
}

type LoanFactEvent = Extract<DomainEvent, { type: 'loan.repayment-made' | 'loan.payment-missed' | 'loan.defaulted' }>;

function loanEventRow(e: LoanFactEvent): Record<string, unknown> {
  switch (e.type) {
    case T.repaymentMade: {
      const p = e.payload;
      return {
        loan_id: p.loanId,
        kind: 'REPAYMENT',
        installment_no: p.installmentNo,
        company_id: p.companyId,
        amount: p.amount,
        event_date: p.paidAt,
        days_past_due: null,
      };
    }
    case T.paymentMissed: {
      const p = e.payload;
      return {
        loan_id: p.loanId,
        kind: 'MISSED',
        installment_no: p.installmentNo,
        company_id: p.companyId,
        amount: p.amountDue,
        event_date: p.dueAt,
        days_past_due: p.daysPastDue,
      };
    }
    case T.loanDefaulted: {
      const p = e.payload;
      return {
        loan_id: p.loanId,
        kind: 'DEFAULT',
        installment_no: 0,
        company_id: p.companyId,
        amount: p.exposure,
        event_date: p.defaultedAt,
        days_past_due: null,
      };
    }
  }
}
