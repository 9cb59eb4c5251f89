import { randomBytes } from 'node:crypto';

import type { Role } from '../auth/role';
import { runUsersCli } from '../users/users.command';

/**
 * Creates a review user in the database at `databaseUrl` through the users CLI's code path
 * (for suites and benchmarks that run review as a process); resolves to its random password.
 */
export async function addReviewUser(databaseUrl: string, username: string, role: Role): Promise<string> {
  const password = randomBytes(18).toString('base64url');
  const errors: string[] = [];
  const code = await runUsersCli(
    ['add', username, '--role', role, '--password-stdin', '--actor', 'test-harness'],
    { out: () => undefined, err: (l) => errors.push(l), readStdin: () => Promise.resolve(password) },
    { DATABASE_URL: databaseUrl },
  );
  if (code !== 0) {
    throw new Error(`could not add ${username}: ${errors.join('; ')}`);
  }
  return password;
}

/**
 * Makes sure `username` exists with `role` and a fresh random password (added, or its password
 * reset when it exists), for tools that read review as a machine account (the demo's and the
 * benchmarks' accounting reader). Resolves to the password.
 */
export async function provisionReviewUser(databaseUrl: string, username: string, role: Role): Promise<string> {
  const listed: string[] = [];
  const env = { DATABASE_URL: databaseUrl };
  const io = { out: (l: string) => listed.push(l), err: () => undefined, readStdin: () => Promise.resolve('') };
  if ((await runUsersCli(['list', '--json'], io, env)) !== 0) {
    throw new Error(`could not list review users at ${databaseUrl}`);
  }
  const exists = (JSON.parse(listed.join('')) as { username: string }[]).some((u) => u.username === username);
  if (!exists) {
    return addReviewUser(databaseUrl, username, role);
  }
  const password = randomBytes(18).toString('base64url');
  const code = await runUsersCli(
    ['reset-password', username, '--password-stdin', '--actor', 'provisioning'],
    { out: () => undefined, err: () => undefined, readStdin: () => Promise.resolve(password) },
    env,
  );
  if (code !== 0) {
    throw new Error(`could not reset the password of ${username}`);
  }
  return password;
}
