import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The labelling tool chain: a task asks for a label of one kind on a case; each labeller's
 * answers are append-only versions (a change is a new row, never an edit); the task carries
 * the final value once the labellers agree or a senior adjudicates.
 */
export class Labelling1765300001000 implements MigrationInterface {
  name = 'Labelling1765300001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review.label_tasks (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES review.cases (id),
        application_id varchar(64) NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('FRAUD','ER_CORRECTION','REASON_TAG','OUTCOME_DISPUTE')),
        subject jsonb NOT NULL,
        required_labellers int NOT NULL CHECK (required_labellers > 0),
        status varchar(24) NOT NULL CHECK (status IN ('OPEN','NEEDS_ADJUDICATION','AGREED','ADJUDICATED')),
        final_value varchar(64),
        adjudicated_by varchar(64),
        adjudicated_at timestamptz,
        created_by varchar(64) NOT NULL,
        created_at timestamptz NOT NULL,
        revision int NOT NULL
      );
      CREATE INDEX label_tasks_status_idx ON review.label_tasks (status);
      CREATE INDEX label_tasks_case_idx ON review.label_tasks (case_id);

      CREATE TABLE review.task_labels (
        id bigserial PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES review.label_tasks (id),
        labeller varchar(64) NOT NULL,
        value varchar(64) NOT NULL,
        version int NOT NULL CHECK (version > 0),
        recorded_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX task_labels_version_uq ON review.task_labels (task_id, labeller, version);
      CREATE TRIGGER task_labels_append_only BEFORE UPDATE OR DELETE ON review.task_labels
        FOR EACH ROW EXECUTE FUNCTION review.refuse_mutation();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE review.task_labels, review.label_tasks;`);
  }
}
