import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the application accounting selects decisions by: the instant ingestion received
 * the application (`hops.receivedAt` in the ledger content; numeric, so no JSON number can
 * fail the cast and block a decision) and the application id's prefix (a feed's live run).
 */
export class DecisionAccounting1764100000005 implements MigrationInterface {
  name = 'DecisionAccounting1764100000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX decisions_received_at_idx ON review.decisions (((content -> 'hops' ->> 'receivedAt')::numeric));
      CREATE INDEX decisions_application_prefix_idx ON review.decisions (application_id varchar_pattern_ops);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX review.decisions_application_prefix_idx; DROP INDEX review.decisions_received_at_idx;`);
  }
}
