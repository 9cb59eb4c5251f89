/**
 * How each current-state table is written: its conflict key, its columns with the types
 * used to read them from a JSON batch, and the rule that decides whether an incoming row
 * replaces the stored one (docs/ingestion.md, "Ordering rules"):
 * - `version`: the per-entity version from core banking must be strictly higher;
 * - `occurred`: (occurredAt, eventId) must be strictly later, for entities without versions.
 * Lineage columns (event_id, occurred_at, source_event_ids) are added to every table.
 */
export interface TableSpec {
  readonly key: readonly string[];
  readonly columns: Readonly<Record<string, string>>;
  readonly guard: 'version' | 'occurred';
}

export const STORE_TABLES = {
  companies: {
    key: ['company_id'],
    guard: 'version',
    columns: {
      company_id: 'text',
      version: 'int',
      name: 'text',
      registration_number: 'text',
      registered_at: 'date',
      registered_capital: 'numeric',
      legal_form: 'text',
      industry_code: 'text',
      region: 'text',
      employees: 'int',
      annual_revenue: 'numeric',
      financials: 'jsonb',
      address_key: 'text',
      city: 'text',
      postcode: 'text',
      phone_token: 'text',
    },
  },
  persons: {
    key: ['person_id'],
    guard: 'version',
    columns: {
      person_id: 'text',
      version: 'int',
      national_id_token: 'text',
      full_name: 'text',
      birth_year: 'int',
      address_key: 'text',
      city: 'text',
      postcode: 'text',
      phone_token: 'text',
    },
  },
  accounts: {
    key: ['account_id'],
    guard: 'occurred',
    columns: { account_id: 'text', owner_kind: 'text', owner_id: 'text', account_token: 'text', opened_at: 'date' },
  },
  party_links: {
    key: ['kind', 'from_kind', 'from_id', 'to_id'],
    guard: 'occurred',
    columns: {
      kind: 'text',
      from_kind: 'text',
      from_id: 'text',
      to_id: 'text',
      attributes: 'jsonb',
      valid_from: 'date',
      valid_to: 'date',
    },
  },
  guarantees: {
    key: ['guarantee_id'],
    guard: 'occurred',
    columns: {
      guarantee_id: 'text',
      loan_id: 'text',
      borrower_company_id: 'text',
      guarantor_kind: 'text',
      guarantor_id: 'text',
      amount: 'numeric',
      valid_from: 'date',
      valid_to: 'date',
    },
  },
  transaction_flows: {
    key: ['from_account_id', 'to_account_id', 'month'],
    guard: 'occurred',
    columns: { from_account_id: 'text', to_account_id: 'text', month: 'text', count: 'int', total_amount: 'numeric' },
  },
  loan_applications: {
    key: ['application_id'],
    guard: 'occurred',
    columns: {
      application_id: 'text',
      company_id: 'text',
      amount: 'numeric',
      term_months: 'int',
      purpose: 'text',
      submitted_at: 'timestamptz',
      guarantors: 'jsonb',
    },
  },
  loans: {
    key: ['loan_id'],
    guard: 'occurred',
    columns: {
      loan_id: 'text',
      application_id: 'text',
      company_id: 'text',
      amount: 'numeric',
      term_months: 'int',
      purpose: 'text',
      interest_rate: 'numeric',
      disbursed_at: 'date',
      maturity_at: 'date',
    },
  },
  loan_events: {
    key: ['loan_id', 'kind', 'installment_no'],
    guard: 'occurred',
    columns: {
      loan_id: 'text',
      kind: 'text',
      installment_no: 'int',
      company_id: 'text',
      amount: 'numeric',
      event_date: 'date',
      days_past_due: 'int',
    },
  },
  public_records: {
    key: ['record_id'],
    guard: 'occurred',
    columns: {
      record_id: 'text',
      subject_kind: 'text',
      subject_id: 'text',
      kind: 'text',
      amount: 'numeric',
      filed_at: 'date',
      status: 'text',
    },
  },
} as const satisfies Record<string, TableSpec>;

export type StoreTable = keyof typeof STORE_TABLES;
