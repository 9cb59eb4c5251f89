import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Loans linked to their applications (from core banking's disbursal events), and at most one
 * repayment-or-default outcome label per application.
 */
export class LoanOutcomes1764100000002 implements MigrationInterface {
  name = 'LoanOutcomes1764100000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review.loan_links (
        loan_id varchar(64) PRIMARY KEY,
        application_id varchar(64) NOT NULL,
        company_id varchar(64) NOT NULL,
        term_months int NOT NULL CHECK (term_months > 0),
        disbursed_at timestamptz NOT NULL
      );
      CREATE INDEX loan_links_application_idx ON review.loan_links (application_id);
      CREATE UNIQUE INDEX labels_one_outcome_uq ON review.labels (application_id) WHERE source = 'OUTCOME';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX review.labels_one_outcome_uq; DROP TABLE review.loan_links;`);
  }
}
