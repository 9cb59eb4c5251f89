import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { createTestDatabase, type TestDatabase } from '@loanmesh/testing';

import {
  createDataSourceOptions,
  type DatabaseOptions,
  initializeServiceDataSource,
  PendingMigrationsError,
} from '@loanmesh/database';

import { REVIEW_SCHEMA, reviewEntities, reviewMigrations } from './review-database';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..', '..', '..');

/** Migrations as a separate step (DATABASE_MIGRATIONS_AT_BOOT=false), on the real PostgreSQL. */
describe('migration step', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  const review = (): DatabaseOptions => ({
    url: db.url,
    schema: REVIEW_SCHEMA,
    entities: reviewEntities,
    migrations: reviewMigrations,
    migrationsAtBoot: false,
  });
  const boot = () =>
    initializeServiceDataSource({ ...createDataSourceOptions(review()), schema: REVIEW_SCHEMA }, review());

  it('should refuse to boot a service whose schema the step has not migrated, naming the step', async () => {
    const attempt = boot();
    await expect(attempt).rejects.toBeInstanceOf(PendingMigrationsError);
    await expect(attempt).rejects.toThrow('npm run db:migrate');
  });

  it('should migrate as its own process, after which the service boots without migrating', async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      [join(ROOT, 'scripts/run-ts.cjs'), join(ROOT, 'apps/review/src/database/migrate.main.ts')],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: db.url } },
    );
    expect(`${stdout}${stderr}`).toContain('schema review is up to date');
    const source = await boot();
    try {
      expect(await source.showMigrations()).toBe(false);
      const [{ n }] = await source.query<{ n: string }[]>(
        `SELECT count(*) AS n FROM "${REVIEW_SCHEMA}"."${REVIEW_SCHEMA}_migrations"`,
      );
      expect(Number(n)).toBe(reviewMigrations.length);
    } finally {
      await source.destroy();
    }
  }, 120_000);
});
