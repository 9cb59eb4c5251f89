import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Observed outcomes of scored applications, for the champion/challenger AUC. */
export class OutcomeLabels1764300000100 implements MigrationInterface {
  name = 'OutcomeLabels1764300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "inference"."outcome_labels" (
        application_id text NOT NULL,
        defaulted boolean NOT NULL,
        labelled_by text NOT NULL,
        labelled_at timestamptz NOT NULL,
        CONSTRAINT "PK_outcome_labels" PRIMARY KEY (application_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "inference"."outcome_labels"`);
  }
}
