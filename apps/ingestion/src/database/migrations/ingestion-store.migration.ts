import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lineage columns of every current-state table: the event that produced the row version,
 * its occurred-at (the ordering rule of unversioned entities) and every event id that
 * ever changed the row, oldest first.
 */
const LINEAGE = `
  event_id text NOT NULL,
  occurred_at timestamptz NOT NULL,
  source_event_ids text[] NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()`;

const TABLES = [
  `raw_events (
    event_id text PRIMARY KEY,
    type text NOT NULL,
    schema_version int NOT NULL,
    occurred_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    topic text NOT NULL,
    kafka_partition int NOT NULL,
    kafka_offset bigint NOT NULL,
    message_key text,
    applied boolean NOT NULL,
    event jsonb NOT NULL,
    CONSTRAINT "UQ_raw_events_position" UNIQUE (topic, kafka_partition, kafka_offset))`,
  `duplicate_deliveries (
    topic text NOT NULL,
    kafka_partition int NOT NULL,
    kafka_offset bigint NOT NULL,
    event_id text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, kafka_partition, kafka_offset))`,
  `dead_letters (
    original_topic text NOT NULL,
    original_partition int NOT NULL,
    original_offset bigint NOT NULL,
    code text NOT NULL,
    reason text NOT NULL,
    dead_lettered_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (original_topic, original_partition, original_offset))`,
  `companies (
    company_id text PRIMARY KEY, version int NOT NULL, name text NOT NULL, registration_number text NOT NULL,
    registered_at date NOT NULL, registered_capital numeric NOT NULL, legal_form text NOT NULL,
    industry_code text NOT NULL, region text NOT NULL, employees int NOT NULL, annual_revenue numeric NOT NULL,
    financials jsonb NOT NULL, address_key text NOT NULL, city text NOT NULL, postcode text NOT NULL,
    phone_token char(32) NOT NULL, ${LINEAGE})`,
  `persons (
    person_id text PRIMARY KEY, version int NOT NULL, national_id_token char(32) NOT NULL, full_name text NOT NULL,
    birth_year int NOT NULL, address_key text NOT NULL, city text NOT NULL, postcode text NOT NULL,
    phone_token char(32) NOT NULL, ${LINEAGE})`,
  `accounts (
    account_id text PRIMARY KEY, owner_kind text NOT NULL, owner_id text NOT NULL, account_token char(32) NOT NULL,
    opened_at date NOT NULL, ${LINEAGE})`,
  `party_links (
    kind text NOT NULL, from_kind text NOT NULL, from_id text NOT NULL, to_id text NOT NULL,
    attributes jsonb NOT NULL, valid_from date NOT NULL, valid_to date, ${LINEAGE},
    PRIMARY KEY (kind, from_kind, from_id, to_id))`,
  `guarantees (
    guarantee_id text PRIMARY KEY, loan_id text NOT NULL, borrower_company_id text NOT NULL,
    guarantor_kind text NOT NULL, guarantor_id text NOT NULL, amount numeric NOT NULL,
    valid_from date NOT NULL, valid_to date, ${LINEAGE})`,
  `transaction_flows (
    from_account_id text NOT NULL, to_account_id text NOT NULL, month text NOT NULL,
    count int NOT NULL, total_amount numeric NOT NULL, ${LINEAGE},
    PRIMARY KEY (from_account_id, to_account_id, month))`,
  `loan_applications (
    application_id text PRIMARY KEY, company_id text NOT NULL, amount numeric NOT NULL, term_months int NOT NULL,
    purpose text NOT NULL, submitted_at timestamptz NOT NULL, guarantors jsonb NOT NULL, ${LINEAGE})`,
  `loans (
    loan_id text PRIMARY KEY, application_id text, company_id text NOT NULL, amount numeric NOT NULL,
    term_months int NOT NULL, purpose text NOT NULL, interest_rate numeric NOT NULL,
    disbursed_at date NOT NULL, maturity_at date NOT NULL, ${LINEAGE})`,
  `loan_events (
    loan_id text NOT NULL, kind text NOT NULL, installment_no int NOT NULL, company_id text NOT NULL,
    amount numeric NOT NULL, event_date date NOT NULL, days_past_due int, ${LINEAGE},
    PRIMARY KEY (loan_id, kind, installment_no))`,
  `public_records (
    record_id text PRIMARY KEY, subject_kind text NOT NULL, subject_id text NOT NULL, kind text NOT NULL,
    amount numeric NOT NULL, filed_at date NOT NULL, status text NOT NULL, ${LINEAGE})`,
];

const INDEXES = [
  `"IDX_loans_company" ON "%s".loans (company_id)`,
  `"IDX_loan_events_company" ON "%s".loan_events (company_id)`,
  `"IDX_public_records_subject" ON "%s".public_records (subject_kind, subject_id)`,
  `"IDX_dead_letters_code" ON "%s".dead_letters (code)`,
];

/** The ingestion store: raw events, current state with lineage, and the delivery ledgers. */
export class IngestionStoreMigration1764000001000 implements MigrationInterface {
  name = 'IngestionStoreMigration1764000001000';

  constructor(private readonly schema = 'ingestion') {}

  async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await q.query(`CREATE TABLE "${this.schema}".${table}`);
    }
    for (const index of INDEXES) {
      await q.query(`CREATE INDEX ${index.replace('%s', this.schema)}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await q.query(`DROP TABLE IF EXISTS "${this.schema}".${table.split(' ')[0]}`);
    }
  }
}
