import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keys `<schema>.inbox` on (consumer, source, event_id) and adds the content digest; list it
 * after `createInboxMigration`. Rows already there keep source '' and no digest: their
 * producer and content are unknown, so a later event with their id counts as a duplicate,
 * as it did before.
 */
export function createInboxIdentityMigration(schema: string): new () => MigrationInterface {
  const name = `InboxIdentity${schema.replace(/[^a-z]/gi, '')}1764000000110`;
  const table = `"${schema}"."inbox"`;
  return class implements MigrationInterface {
    name = name;
    async up(q: QueryRunner): Promise<void> {
      await q.query(`ALTER TABLE ${table} ADD COLUMN source text NOT NULL DEFAULT '', ADD COLUMN digest text`);
      await q.query(`ALTER TABLE ${table} ALTER COLUMN source DROP DEFAULT`);
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT "PK_${schema}_inbox",
        ADD CONSTRAINT "PK_${schema}_inbox" PRIMARY KEY (consumer, source, event_id)`);
    }
    async down(q: QueryRunner): Promise<void> {
      // Two sources may share an id by now; the old key keeps one row per id.
      await q.query(`DELETE FROM ${table} a USING ${table} b
        WHERE a.consumer = b.consumer AND a.event_id = b.event_id AND a.source > b.source`);
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT "PK_${schema}_inbox",
        ADD CONSTRAINT "PK_${schema}_inbox" PRIMARY KEY (consumer, event_id)`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN source, DROP COLUMN digest`);
    }
  };
}
