import bcrypt from 'bcryptjs';
import { Client } from 'pg';

import { createTestDatabase, type TestDatabase } from '@loanmesh/testing';

import { RemoveDemoUsers1764900000001 } from '../database/migrations/remove-demo-users.migration';
import { runUsersCli } from './users.command';

jest.setTimeout(120000);

describe('users CLI (real PostgreSQL)', () => {
  let db: TestDatabase;
  let pg: Client;

  beforeAll(async () => {
    db = await createTestDatabase('review_users_t');
    pg = new Client({ connectionString: db.url });
    await pg.connect();
  });

  afterAll(async () => {
    await pg.end();
    await db.drop();
  });

  const cli = async (argv: string[], stdin = '') => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runUsersCli(
      argv,
      { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: () => Promise.resolve(stdin) },
      { DATABASE_URL: db.url },
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const userRow = async (username: string) =>
    (
      await pg.query<{ role: string; password_hash: string; disabled_at: Date | null }>(
        'SELECT role, password_hash, disabled_at FROM review.users WHERE username = $1',
        [username],
      )
    ).rows[0];
  const eventsOf = async (username: string) =>
    (
      await pg.query<{ type: string; actor: string; detail: Record<string, string> | null }>(
        'SELECT type, actor, detail FROM review.security_events WHERE username = $1 ORDER BY seq',
        [username],
      )
    ).rows;

  it('should add a user with the password from stdin, hashed with bcrypt, on a fresh database', async () => {
    const added = await cli(
      ['add', 'olga', '--role', 'officer', '--password-stdin', '--actor', 'ops-ann'],
      'a-long-password-1\n',
    );

    expect(added).toMatchObject({ code: 0, out: 'added olga (officer)' });
    const row = await userRow('olga');
    expect(row.role).toBe('officer');
    await expect(bcrypt.compare('a-long-password-1', row.password_hash)).resolves.toBe(true);
    expect(await eventsOf('olga')).toEqual([{ type: 'USER_ADDED', actor: 'ops-ann', detail: { role: 'officer' } }]);
  });

  it('should generate and print a password once when none is given', async () => {
    const added = await cli(['add', 'gina', '--role', 'auditor']);

    const password = /shown once, not stored\): (\S+)$/.exec(added.out)?.[1];
    expect(added.code).toBe(0);
    expect(password?.length).toBeGreaterThanOrEqual(24);
    await expect(bcrypt.compare(password!, (await userRow('gina')).password_hash)).resolves.toBe(true);
  });

  it('should refuse a short password, an unknown role, an unknown user and a duplicate with clear errors', async () => {
    await expect(cli(['add', 'sam', '--role', 'officer', '--password-stdin'], 'too-short')).resolves.toMatchObject({
      code: 1,
      err: 'users: password refused: at least 12 characters are required',
    });
    await expect(cli(['add', 'sam', '--role', 'wizard'])).resolves.toMatchObject({
      code: 1,
      err: expect.stringContaining('unknown role "wizard"; one of: officer, senior_officer') as unknown,
    });
    await expect(cli(['set-role', 'ghost', 'admin'])).resolves.toMatchObject({
      code: 1,
      err: 'users: no user named "ghost"',
    });
    await expect(cli(['add', 'olga', '--role', 'admin'])).resolves.toMatchObject({
      code: 1,
      err: 'users: a user named "olga" already exists',
    });
    await expect(cli(['frobnicate'])).resolves.toMatchObject({ code: 2 });
    expect(await userRow('sam')).toBeUndefined();
  });

  it('should change role, disable, enable, reset the password and log each with its actor', async () => {
    expect((await cli(['set-role', 'olga', 'senior_officer', '--actor', 'ops-bob'])).code).toBe(0);
    expect((await cli(['disable', 'olga', '--actor', 'ops-bob'])).code).toBe(0);
    expect((await userRow('olga')).disabled_at).not.toBeNull();
    expect(JSON.parse((await cli(['list', '--json'])).out)).toEqual(
      expect.arrayContaining([expect.objectContaining({ username: 'olga', role: 'senior_officer', disabled: true })]),
    );
    expect((await cli(['enable', 'olga', '--actor', 'ops-bob'])).code).toBe(0);
    expect(
      (await cli(['reset-password', 'olga', '--password-stdin', '--actor', 'ops-bob'], 'another-long-pass')).code,
    ).toBe(0);
    expect((await cli(['unlock', 'olga', '--actor', 'ops-bob'])).out).toBe('unlocked olga');
    expect((await cli(['revoke-sessions', 'olga', '--actor', 'ops-bob'])).out).toBe('revoked 0 session(s) of olga');

    expect((await userRow('olga')).disabled_at).toBeNull();
    await expect(bcrypt.compare('another-long-pass', (await userRow('olga')).password_hash)).resolves.toBe(true);
    expect((await eventsOf('olga')).slice(1).map((e) => [e.type, e.actor, e.detail])).toEqual([
      ['USER_ROLE_CHANGED', 'ops-bob', { from: 'officer', to: 'senior_officer' }],
      ['USER_DISABLED', 'ops-bob', null],
      ['USER_ENABLED', 'ops-bob', null],
      ['USER_PASSWORD_RESET', 'ops-bob', null],
      ['USER_UNLOCKED', 'ops-bob', null],
      ['SESSIONS_REVOKED', 'ops-bob', { sessions: 0 }],
    ]);
  });

  it('should delete only the users that still carry a published demo password when the old seed ran', async () => {
    const published = '$2b$10$RQlTQYi6VBc7qI7ZAo8zjeaush9ulHAhKRbL4abFIOkBALK8FT6Ra';
    await pg.query(
      `INSERT INTO review.users (username, password_hash, role, display_name) VALUES ('admin1', $1, 'admin', 'Alan Admin')`,
      [published],
    );
    const runner = { query: (sql: string, params?: unknown[]) => pg.query(sql, params) };

    await new RemoveDemoUsers1764900000001().up(runner as never);

    expect(await userRow('admin1')).toBeUndefined();
    expect(await userRow('olga')).toBeDefined();
    expect((await eventsOf('admin1')).map((e) => [e.type, e.actor])).toEqual([['USER_REMOVED', 'migration']]);
  });
});
