import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Creates `<schema>.inbox`; list it after the schema migration of the service that owns it. */
export function createInboxMigration(schema: string): new () => MigrationInterface {
  const name = `CreateInbox${schema.replace(/[^a-z]/gi, '')}1764000000100`;
  return class implements MigrationInterface {
    name = name;
    async up(q: QueryRunner): Promise<void> {
      await q.query(`
        CREATE TABLE IF NOT EXISTS "${schema}"."inbox" (
          consumer text NOT NULL,
          event_id text NOT NULL,
          processed_at timestamptz NOT NULL DEFAULT now(),
          CONSTRAINT "PK_${schema}_inbox" PRIMARY KEY (consumer, event_id)
        )`);
    }
    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE IF EXISTS "${schema}"."inbox"`);
    }
  };
}
