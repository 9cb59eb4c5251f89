import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Company names from core banking's company events, so the queue shows names instead of ids. */
export class CompanyNames1765300000016 implements MigrationInterface {
  name = 'CompanyNames1765300000016';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review.company_names (
        company_id varchar(64) PRIMARY KEY,
        name varchar(200) NOT NULL,
        version int NOT NULL
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE review.company_names;`);
  }
}
