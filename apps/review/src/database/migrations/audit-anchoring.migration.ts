import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger hash covers every column from now on: rows keep the rule they were written
 * under (`hash_version` 1 for the rows before, 2 after), so no past row is rewritten to fit
 * the new rule. The checkpoints review published are recorded here too (append-only), so
 * replicas emit each one once; the topic, not this table, is what verification trusts.
 */
export class AuditAnchoring1765100000000 implements MigrationInterface {
  name = 'AuditAnchoring1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE review.decisions ADD COLUMN hash_version smallint NOT NULL DEFAULT 1 CHECK (hash_version IN (1, 2));
      ALTER TABLE review.decisions ALTER COLUMN hash_version DROP DEFAULT;

      CREATE TABLE review.audit_checkpoints (
        seq bigint PRIMARY KEY,
        hash char(64) NOT NULL,
        created_at timestamptz NOT NULL,
        key_id varchar(64) NOT NULL
      );
      CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON review.audit_checkpoints
        FOR EACH ROW EXECUTE FUNCTION review.refuse_mutation();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE review.audit_checkpoints; ALTER TABLE review.decisions DROP COLUMN hash_version;`);
  }
}
