import type { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'inference';

/**
 * Maker/checker for promotions: a request (who asked, for which state) and at most one
 * approval by someone else (primary key on the request). Both append-only: a request is
 * never edited, its approval is a new row, and triggers refuse UPDATE and DELETE.
 */
export class ModelPromotionRequests1764300000200 implements MigrationInterface {
  name = 'ModelPromotionRequests1764300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "${S}"."model_promotion_requests" (
        id uuid NOT NULL,
        model_version_id uuid NOT NULL REFERENCES "${S}"."model_versions" (id),
        to_state text NOT NULL,
        requested_by text NOT NULL,
        requested_at timestamptz NOT NULL,
        reason text NOT NULL,
        CONSTRAINT "PK_model_promotion_requests" PRIMARY KEY (id)
      )`);
    await q.query(
      `CREATE INDEX "IDX_model_promotion_requests_model" ON "${S}"."model_promotion_requests" (model_version_id)`,
    );
    await q.query(`
      CREATE TABLE "${S}"."model_promotion_approvals" (
        request_id uuid NOT NULL REFERENCES "${S}"."model_promotion_requests" (id),
        approved_by text NOT NULL,
        approved_at timestamptz NOT NULL,
        CONSTRAINT "PK_model_promotion_approvals" PRIMARY KEY (request_id)
      )`);
    await q.query(`
      CREATE FUNCTION "${S}".reject_promotion_request_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`);
    for (const table of ['model_promotion_requests', 'model_promotion_approvals']) {
      await q.query(`
        CREATE TRIGGER "TRG_${table}_append_only" BEFORE UPDATE OR DELETE ON "${S}"."${table}"
        FOR EACH ROW EXECUTE FUNCTION "${S}".reject_promotion_request_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "${S}"."model_promotion_approvals"`);
    await q.query(`DROP TABLE IF EXISTS "${S}"."model_promotion_requests"`);
    await q.query(`DROP FUNCTION IF EXISTS "${S}".reject_promotion_request_change()`);
  }
}
