import { randomBytes } from 'node:crypto';

import { Client } from 'pg';

import { ensureDatabaseRoles } from '@loanmesh/database';

const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, empty PostgreSQL database per test suite, so suites never share state. */
export async function createTestDatabase(prefix = 'loanmesh_t'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: `postgres://postgres@127.0.0.1:5432/${name}`,
    async drop() {
      const c = new Client({ connectionString: ADMIN_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Roles of the test suites (cluster-wide, shared by every suite, never dropped). */
export const TEST_DATABASE_ROLES = { owner: 'loanmesh_test_owner', app: 'loanmesh_test_app' } as const;

export interface TestDatabaseRoleUrls {
  /** Owns the schemas and runs the migrations: the insider with the owner role in tests. */
  ownerUrl: string;
  /** What the service connects as: reads and writes, cannot rewrite the ledgers. */
  appUrl: string;
}

/**
 * Bootstraps the owner and application roles on a test database (as `npm run db:roles`
 * does on a real one), so a service under test runs with the privileges it has in production.
 */
export async function createTestDatabaseRoles(db: TestDatabase): Promise<TestDatabaseRoleUrls> {
  await ensureDatabaseRoles(db.url, { ...TEST_DATABASE_ROLES, schemas: [] });
  return {
    ownerUrl: `postgres://${TEST_DATABASE_ROLES.owner}@127.0.0.1:5432/${db.name}`,
    appUrl: `postgres://${TEST_DATABASE_ROLES.app}@127.0.0.1:5432/${db.name}`,
  };
}
