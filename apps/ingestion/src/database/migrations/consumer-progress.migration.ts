import type { MigrationInterface, QueryRunner } from 'typeorm';

/** How far ingestion has processed each core-banking partition (the freshness barrier's yardstick). */
export class ConsumerProgressMigration1764000004000 implements MigrationInterface {
  name = 'ConsumerProgressMigration1764000004000';

  constructor(private readonly schema = 'ingestion') {}

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${this.schema}".consumer_progress (
      topic text NOT NULL,
      kafka_partition integer NOT NULL,
      next_offset bigint NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (topic, kafka_partition))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "${this.schema}".consumer_progress`);
  }
}
