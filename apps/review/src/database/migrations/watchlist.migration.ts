import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live loans whose network worsened (graph.early-warning.v1), one row per alertId: the path that
 * changed, the PD the loan was decided on and its re-score, and the officer's acknowledgement.
 */
export class Watchlist1765300000000 implements MigrationInterface {
  name = 'Watchlist1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review.watchlist (
        id bigserial PRIMARY KEY,
        alert_id varchar(200) NOT NULL,
        loan_id varchar(64) NOT NULL,
        company_id varchar(64) NOT NULL,
        trigger_company_id varchar(64) NOT NULL,
        defaulted_at date NOT NULL,
        hops int NOT NULL,
        path jsonb NOT NULL,
        relationships jsonb NOT NULL,
        application_id varchar(64),
        old_pd double precision,
        new_pd double precision,
        rescore_status varchar(16) NOT NULL DEFAULT 'PENDING',
        rescore_reason text,
        rescored_at timestamptz,
        status varchar(16) NOT NULL DEFAULT 'OPEN',
        acknowledged_by varchar(64),
        acknowledged_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT watchlist_alert_id_uq UNIQUE (alert_id),
        CONSTRAINT watchlist_status_ck CHECK (status IN ('OPEN', 'ACKNOWLEDGED'))
      );
      CREATE INDEX watchlist_status_idx ON review.watchlist (status, id DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE review.watchlist');
  }
}
