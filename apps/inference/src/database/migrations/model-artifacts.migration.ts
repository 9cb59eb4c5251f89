import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry's own copy of every registered model, by content hash: what a version was
 * registered with stays servable (and auditable) when the trainer's output file on disk is
 * replaced by a retrained model of the same name.
 */
export class ModelArtifacts1764300000300 implements MigrationInterface {
  name = 'ModelArtifacts1764300000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "inference"."model_artifacts" (
        sha256 char(64) NOT NULL,
        onnx bytea NOT NULL,
        model_json jsonb NOT NULL,
        "references" jsonb,
        stored_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_model_artifacts" PRIMARY KEY (sha256)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "inference"."model_artifacts"`);
  }
}
