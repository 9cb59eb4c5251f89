import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Parked applications can expire (docs/ingestion.md, "Applications whose company never
 * arrives"): a state, when and why it expired, whether it was announced for a human (only
 * applications within the decision window are), and when its company finally arrived. An
 * expired row is kept (it is the operator's record and is never released); the partial
 * index serves the sweeper and the oldest-waiting gauge, which only look at waiting rows.
 */
export class ParkedApplicationExpiryMigration1764000006000 implements MigrationInterface {
  name = 'ParkedApplicationExpiryMigration1764000006000';

  constructor(private readonly schema = 'ingestion') {}

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${this.schema}".parked_applications
      ADD COLUMN state text NOT NULL DEFAULT 'waiting'
        CONSTRAINT "CHK_parked_applications_state" CHECK (state IN ('waiting', 'expired')),
      ADD COLUMN expired_at timestamptz,
      ADD COLUMN expiry_reason text,
      ADD COLUMN announced boolean NOT NULL DEFAULT false,
      ADD COLUMN company_arrived_at timestamptz`);
    await q.query(
      `CREATE INDEX "IDX_parked_applications_waiting" ON "${this.schema}".parked_applications (parked_at)
        WHERE state = 'waiting'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "${this.schema}"."IDX_parked_applications_waiting"`);
    await q.query(`ALTER TABLE "${this.schema}".parked_applications
      DROP COLUMN company_arrived_at, DROP COLUMN announced, DROP COLUMN expiry_reason, DROP COLUMN expired_at, DROP COLUMN state`);
  }
}
