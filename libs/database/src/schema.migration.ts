import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Creates a service's schema; listed first in every service's migrations. */
export function createSchemaMigration(schema: string): new () => MigrationInterface {
  const name = `CreateSchema${schema.replace(/[^a-z]/gi, '')}1764000000000`;
  return class implements MigrationInterface {
    name = name;
    async up(q: QueryRunner): Promise<void> {
      await q.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    }
    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    }
  };
}
