import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts created by single sign-on: no password (password sign-in compares against a dummy
 * hash and fails), bound to the identity provider's issuer and subject so that a user name
 * reused at the provider cannot take over another person's account.
 */
export class SsoAccounts1765200000000 implements MigrationInterface {
  name = 'SsoAccounts1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE review.users ALTER COLUMN password_hash DROP NOT NULL;
      ALTER TABLE review.users ADD COLUMN external_subject varchar(300);
      CREATE UNIQUE INDEX users_external_subject_uq ON review.users (external_subject)
        WHERE external_subject IS NOT NULL;
      ALTER TABLE review.users ADD CONSTRAINT users_password_or_sso
        CHECK (password_hash IS NOT NULL OR external_subject IS NOT NULL);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM review.users WHERE password_hash IS NULL;
      ALTER TABLE review.users DROP CONSTRAINT users_password_or_sso;
      DROP INDEX review.users_external_subject_uq;
      ALTER TABLE review.users DROP COLUMN external_subject;
      ALTER TABLE review.users ALTER COLUMN password_hash SET NOT NULL;
    `);
  }
}
