import { Column, Entity, type MigrationInterface, PrimaryColumn, type QueryRunner } from 'typeorm';

import { createTestDatabase, type TestDatabase } from '@loanmesh/testing';

import { initializeDataSource } from './database-root.module';
import { createSchemaMigration } from './schema.migration';
import { createDataSourceOptions } from './typeorm-options.factory';

@Entity({ name: 'probe' })
class ProbeEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'integer' })
  value!: number;
}

class CreateProbe1764000000001 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE "probe_schema"."probe" ("id" text PRIMARY KEY, "value" integer NOT NULL)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "probe_schema"."probe"');
  }
}

describe('TypeORM migrations on the real PostgreSQL', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  const options = () =>
    createDataSourceOptions({
      url: db.url,
      schema: 'probe_schema',
      entities: [ProbeEntity],
      migrations: [createSchemaMigration('probe_schema'), CreateProbe1764000000001],
    });

  it('should create the schema and apply migrations on a fresh database', async () => {
    const ds = await initializeDataSource(options());
    try {
      await ds.getRepository(ProbeEntity).insert({ id: 'a', value: 1 });
      const rows = await ds.query<{ name: string }[]>(
        'SELECT name FROM "probe_schema"."probe_schema_migrations" ORDER BY id',
      );
      expect(rows.map((r) => r.name)).toEqual(['CreateSchemaprobeschema1764000000000', 'CreateProbe1764000000001']);
      expect(await ds.getRepository(ProbeEntity).findOneByOrFail({ id: 'a' })).toMatchObject({ value: 1 });
    } finally {
      await ds.destroy();
    }
  });

  it('should apply nothing twice when started again', async () => {
    const ds = await initializeDataSource(options());
    try {
      const rows = await ds.query<{ n: string }[]>(
        'SELECT count(*) AS n FROM "probe_schema"."probe_schema_migrations"',
      );
      expect(Number(rows[0].n)).toBe(2);
    } finally {
      await ds.destroy();
    }
  });
});
