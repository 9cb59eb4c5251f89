import type { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'inference';

/**
 * Drift monitoring: each stored score keeps the vector its model scored (older rows have
 * none), scores are found by model and time, and every drift alert raised is recorded once
 * (its id is the dedupe key, so a re-run of the monitor never publishes it twice).
 */
export class ModelDrift1764300000400 implements MigrationInterface {
  name = 'ModelDrift1764300000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${S}"."scored_applications" ADD COLUMN feature_vector jsonb`);
    await q.query(
      `CREATE INDEX "IDX_scored_applications_model_time" ON "${S}"."scored_applications" (model_version_id, scored_at)`,
    );
    await q.query(`
      CREATE TABLE "${S}"."model_drift_alerts" (
        alert_id text NOT NULL,
        model_version_id uuid NOT NULL REFERENCES "${S}"."model_versions" (id),
        subject text NOT NULL,
        granularity text NOT NULL CHECK (granularity IN ('day', 'month')),
        period_start date NOT NULL,
        status text NOT NULL CHECK (status IN ('watch', 'act', 'data-problem')),
        psi double precision NOT NULL,
        applications int NOT NULL,
        detail text NOT NULL,
        raised_at timestamptz NOT NULL,
        CONSTRAINT "PK_model_drift_alerts" PRIMARY KEY (alert_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "${S}"."model_drift_alerts"`);
    await q.query(`DROP INDEX IF EXISTS "${S}"."IDX_scored_applications_model_time"`);
    await q.query(`ALTER TABLE "${S}"."scored_applications" DROP COLUMN IF EXISTS feature_vector`);
  }
}
