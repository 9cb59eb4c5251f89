import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, policy versions, the hash-chained decision ledger, cases and labels (inbox/outbox come from the library). */
export class ReviewTables1764100000000 implements MigrationInterface {
  name = 'ReviewTables1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review.users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(64) NOT NULL,
        password_hash varchar(100) NOT NULL,
        role varchar(32) NOT NULL CHECK (role IN ('officer','senior_officer','risk_manager','auditor','admin')),
        display_name varchar(100) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_username_uq ON review.users (username);

      CREATE TABLE review.policy_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version int NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('DRAFT','ACTIVE','RETIRED')),
        rules jsonb NOT NULL,
        note varchar(500) NOT NULL,
        created_by varchar(64) NOT NULL,
        created_at timestamptz NOT NULL,
        activated_by varchar(64),
        activated_at timestamptz,
        CONSTRAINT policy_maker_checker CHECK (activated_by IS NULL OR activated_by <> created_by)
      );
      CREATE UNIQUE INDEX policy_version_uq ON review.policy_versions (version);
      CREATE UNIQUE INDEX policy_one_active_uq ON review.policy_versions (status) WHERE status = 'ACTIVE';

      CREATE TABLE review.decisions (
        seq bigint PRIMARY KEY,
        id uuid NOT NULL,
        application_id varchar(64) NOT NULL,
        company_id varchar(64) NOT NULL,
        outcome varchar(16) NOT NULL CHECK (outcome IN ('APPROVED','DECLINED','REFERRED')),
        automatic boolean NOT NULL,
        decided_by varchar(64) NOT NULL,
        decided_at timestamptz NOT NULL,
        content jsonb NOT NULL,
        previous_hash char(64) NOT NULL,
        hash char(64) NOT NULL
      );
      CREATE UNIQUE INDEX decisions_id_uq ON review.decisions (id);
      CREATE INDEX decisions_application_idx ON review.decisions (application_id);
      CREATE UNIQUE INDEX decisions_one_automatic_uq ON review.decisions (application_id) WHERE automatic;

      CREATE TABLE review.decision_chain_head (
        id smallint PRIMARY KEY CHECK (id = 1),
        last_seq bigint NOT NULL,
        last_hash char(64) NOT NULL
      );
      INSERT INTO review.decision_chain_head (id, last_seq, last_hash) VALUES (1, 0, repeat('0', 64));

      CREATE TABLE review.cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id varchar(64) NOT NULL,
        company_id varchar(64) NOT NULL,
        status varchar(32) NOT NULL CHECK (status IN ('OPEN','CLAIMED','AWAITING_CONFIRMATION','DECIDED')),
        assignee varchar(64),
        amount double precision NOT NULL,
        probability_of_default double precision NOT NULL,
        risk_grade char(1) NOT NULL,
        model_recommendation varchar(16) NOT NULL,
        four_eyes_required boolean NOT NULL,
        four_eyes_reasons jsonb NOT NULL,
        sla_deadline timestamptz NOT NULL,
        sla_breached boolean NOT NULL DEFAULT false,
        proposal jsonb,
        outcome varchar(16),
        decided_at timestamptz,
        snapshot jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        revision int NOT NULL
      );
      CREATE UNIQUE INDEX cases_application_uq ON review.cases (application_id);
      CREATE INDEX cases_status_idx ON review.cases (status);

      CREATE TABLE review.case_events (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES review.cases (id),
        action varchar(32) NOT NULL,
        actor varchar(64) NOT NULL,
        details jsonb NOT NULL,
        at timestamptz NOT NULL
      );
      CREATE INDEX case_events_case_idx ON review.case_events (case_id, id);

      CREATE TABLE review.labels (
        id bigserial PRIMARY KEY,
        application_id varchar(64) NOT NULL,
        label varchar(16) NOT NULL CHECK (label IN ('APPROVED','DECLINED','DEFAULTED','REPAID')),
        source varchar(32) NOT NULL,
        recorded_by varchar(64) NOT NULL,
        recorded_at timestamptz NOT NULL,
        model_version varchar(128) NOT NULL,
        feature_names jsonb NOT NULL,
        feature_vector jsonb NOT NULL
      );
      CREATE INDEX labels_application_idx ON review.labels (application_id);

      CREATE FUNCTION review.refuse_mutation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER decisions_append_only BEFORE UPDATE OR DELETE ON review.decisions
        FOR EACH ROW EXECUTE FUNCTION review.refuse_mutation();
      CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON review.case_events
        FOR EACH ROW EXECUTE FUNCTION review.refuse_mutation();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE review.labels, review.case_events, review.cases, 
        review.decision_chain_head, review.decisions, review.policy_versions, review.users;
      DROP FUNCTION review.refuse_mutation();
    `);
  }
}
