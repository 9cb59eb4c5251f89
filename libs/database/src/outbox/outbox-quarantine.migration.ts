import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lets the relay set aside a row Kafka refuses for good (e.g. larger than the broker
 * accepts): `failed_at` and `failure_reason` record why, and the relay's partial index
 * leaves such rows out, so one row no longer blocks every row behind it.
 */
export function createOutboxQuarantineMigration(schema: string): new () => MigrationInterface {
  const name = `OutboxQuarantine${schema.replace(/[^a-z]/gi, '')}1764200000100`;
  return class implements MigrationInterface {
    name = name;
    async up(q: QueryRunner): Promise<void> {
      await q.query(`ALTER TABLE "${schema}"."outbox" ADD COLUMN IF NOT EXISTS failed_at timestamptz`);
      await q.query(`ALTER TABLE "${schema}"."outbox" ADD COLUMN IF NOT EXISTS failure_reason text`);
      await q.query(`DROP INDEX IF EXISTS "${schema}"."IDX_outbox_unpublished"`);
      await q.query(
        `CREATE INDEX "IDX_outbox_unpublished" ON "${schema}"."outbox" (id) WHERE published_at IS NULL AND failed_at IS NULL`,
      );
    }
    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP INDEX IF EXISTS "${schema}"."IDX_outbox_unpublished"`);
      await q.query(`CREATE INDEX "IDX_outbox_unpublished" ON "${schema}"."outbox" (id) WHERE published_at IS NULL`);
      await q.query(`ALTER TABLE "${schema}"."outbox" DROP COLUMN IF EXISTS failure_reason`);
      await q.query(`ALTER TABLE "${schema}"."outbox" DROP COLUMN IF EXISTS failed_at`);
    }
  };
}
