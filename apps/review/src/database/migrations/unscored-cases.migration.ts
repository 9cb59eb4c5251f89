import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case can be opened for an application that was never scored: ingestion gave up waiting
 * for its company data (`lending.application-incomplete.v1`), so it has no PD and no grade.
 */
export class UnscoredCases1764100000003 implements MigrationInterface {
  name = 'UnscoredCases1764100000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE review.cases
        ALTER COLUMN probability_of_default DROP NOT NULL,
        ALTER COLUMN risk_grade DROP NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE review.cases
        ALTER COLUMN probability_of_default SET NOT NULL,
        ALTER COLUMN risk_grade SET NOT NULL;
    `);
  }
}
