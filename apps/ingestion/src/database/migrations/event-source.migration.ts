import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Event ids are unique per producing source only (the inbox keys on both), so the raw
 * events and the parked applications are keyed by (event_id, source) too: the same id from
 * two sources is two events, both stored. The id leads the key so lookups by id alone
 * still use it. Existing rows take their source from the stored event.
 */
export class EventSourceMigration1764000003000 implements MigrationInterface {
  name = 'EventSourceMigration1764000003000';

  constructor(private readonly schema = 'ingestion') {}

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['raw_events', 'parked_applications']) {
      const t = `"${this.schema}".${table}`;
      await q.query(`ALTER TABLE ${t} ADD COLUMN source text`);
      await q.query(`UPDATE ${t} SET source = coalesce(event->>'source', '')`);
      await q.query(`ALTER TABLE ${t} ALTER COLUMN source SET NOT NULL,
        DROP CONSTRAINT ${table}_pkey, ADD CONSTRAINT ${table}_pkey PRIMARY KEY (event_id, source)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['raw_events', 'parked_applications']) {
      const t = `"${this.schema}".${table}`;
      await q.query(`DELETE FROM ${t} a USING ${t} b WHERE a.event_id = b.event_id AND a.source > b.source`);
      await q.query(`ALTER TABLE ${t} DROP CONSTRAINT ${table}_pkey,
        ADD CONSTRAINT ${table}_pkey PRIMARY KEY (event_id), DROP COLUMN source`);
    }
  }
}
