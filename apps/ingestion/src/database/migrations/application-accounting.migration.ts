import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the application accounting reads (docs/ingestion.md, "Where every application is"):
 * history applications recorded when they are stored but not announced for decision, the
 * application id and event type of each dead letter (read from its bytes), and indexes that
 * select application receipts by instant and by id (prefix, for a feed's live run).
 */
export class ApplicationAccountingMigration1764000005000 implements MigrationInterface {
  name = 'ApplicationAccountingMigration1764000005000';

  constructor(private readonly schema = 'ingestion') {}

  async up(q: QueryRunner): Promise<void> {
    const s = this.schema;
    await q.query(`CREATE TABLE "${s}".history_applications (
      application_id text PRIMARY KEY,
      event_id text NOT NULL,
      submitted_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`ALTER TABLE "${s}".dead_letters ADD COLUMN event_type text, ADD COLUMN application_id text`);
    await q.query(`CREATE INDEX "IDX_dead_letters_application" ON "${s}".dead_letters (application_id text_pattern_ops)
      WHERE application_id IS NOT NULL`);
    await q.query(`CREATE INDEX "IDX_dead_letters_at" ON "${s}".dead_letters (dead_lettered_at)`);
    await q.query(`CREATE INDEX "IDX_raw_events_application_received" ON "${s}".raw_events (received_at)
      WHERE type = 'loan.application-submitted'`);
    // text_pattern_ops serves both equality and LIKE 'prefix%'.
    await q.query(`CREATE INDEX "IDX_raw_events_application_id" ON "${s}".raw_events
      ((event -> 'payload' ->> 'applicationId') text_pattern_ops) WHERE type = 'loan.application-submitted'`);
    // Applications stored before this migration: history if received more than the default decision
    // window (72 h) after submission, as the ingestion clock would have judged them then.
    await q.query(`INSERT INTO "${s}".history_applications (application_id, event_id, submitted_at)
      SELECT a.application_id, a.event_id, a.submitted_at FROM "${s}".loan_applications a
      WHERE (SELECT min(r.received_at) FROM "${s}".raw_events r WHERE r.type = 'loan.application-submitted'
        AND (r.event -> 'payload' ->> 'applicationId') = a.application_id) - a.submitted_at > interval '72 hours'
      ON CONFLICT DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = this.schema;
    await q.query(`DROP INDEX IF EXISTS "${s}"."IDX_raw_events_application_id"`);
    await q.query(`DROP INDEX IF EXISTS "${s}"."IDX_raw_events_application_received"`);
    await q.query(`DROP INDEX IF EXISTS "${s}"."IDX_dead_letters_at"`);
    await q.query(`DROP INDEX IF EXISTS "${s}"."IDX_dead_letters_application"`);
    await q.query(
      `ALTER TABLE "${s}".dead_letters DROP COLUMN IF EXISTS application_id, DROP COLUMN IF EXISTS event_type`,
    );
    await q.query(`DROP TABLE IF EXISTS "${s}".history_applications`);
  }
}
