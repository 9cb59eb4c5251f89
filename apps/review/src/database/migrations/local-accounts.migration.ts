import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Local accounts that can be disabled, sessions checked on every request, login throttling
 * shared by all replicas, and the append-only security event log.
 */
export class LocalAccounts1764900000000 implements MigrationInterface {
  name = 'LocalAccounts1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE review.users ADD COLUMN disabled_at timestamptz;

      CREATE TABLE review.sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES review.users (id) ON DELETE CASCADE,
        method varchar(16) NOT NULL CHECK (method IN ('password','oidc')),
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        client_ip varchar(64)
      );
      CREATE INDEX sessions_user_idx ON review.sessions (user_id);

      CREATE TABLE review.login_throttle (
        scope varchar(8) NOT NULL CHECK (scope IN ('user','ip')),
        key varchar(128) NOT NULL,
        failures int NOT NULL,
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz,
        PRIMARY KEY (scope, key)
      );

      CREATE TABLE review.security_events (
        seq bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        type varchar(32) NOT NULL,
        username varchar(64),
        actor varchar(80),
        client_ip varchar(64),
        reason varchar(32),
        detail jsonb
      );
      CREATE INDEX security_events_at_idx ON review.security_events (at);
      CREATE TRIGGER security_events_append_only BEFORE UPDATE OR DELETE ON review.security_events
        FOR EACH ROW EXECUTE FUNCTION review.refuse_mutation();
      CREATE TRIGGER security_events_no_truncate BEFORE TRUNCATE ON review.security_events
        FOR EACH STATEMENT EXECUTE FUNCTION review.refuse_mutation();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE review.security_events, review.login_throttle, review.sessions;
      ALTER TABLE review.users DROP COLUMN disabled_at;
    `);
  }
}
