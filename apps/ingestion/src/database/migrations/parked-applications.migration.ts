import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Applications waiting for their company (see ParkedApplicationEntity). */
export class ParkedApplicationsMigration1764000002000 implements MigrationInterface {
  name = 'ParkedApplicationsMigration1764000002000';

  constructor(private readonly schema = 'ingestion') {}

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${this.schema}".parked_applications (
      event_id text PRIMARY KEY,
      company_id text NOT NULL,
      event jsonb NOT NULL,
      parked_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(
      `CREATE INDEX "IDX_parked_applications_company" ON "${this.schema}".parked_applications (company_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "${this.schema}".parked_applications`);
  }
}
