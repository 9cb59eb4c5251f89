import { userInfo } from 'node:os';

import { Command, CommanderError } from 'commander';

import { DomainException } from '@loanmesh/observability';

import { LoginThrottleEntity } from '../auth/login-throttle.entity';
import { ROLES } from '../auth/role';
import { SessionEntity } from '../auth/session.entity';
import { UserEntity } from '../auth/user.entity';
import { openReviewDataSource } from '../database/review-cli-data-source';
import { SecurityEventEntity } from '../security-events/security-event.entity';
import { SecurityEventsService } from '../security-events/security-events.service';
import { UsersService } from './users.service';

export interface UsersCliIo {
  out(line: string): void;
  err(line: string): void;
  /** The whole of standard input (for `--password-stdin`). */
  readStdin(): Promise<string>;
}

/**
 * `npm run users -- add | disable | enable | set-role | reset-password | revoke-sessions |
 * unlock | list` against review's database (DATABASE_URL). 0 when done, 1 when refused
 * (unknown user or role, weak password), 2 for a bad command line.
 */
export async function runUsersCli(
  argv: readonly string[],
  io: UsersCliIo,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  let action: ((users: UsersService) => Promise<void>) | undefined;
  const program = usersProgram(io, (a) => (action = a));
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : 2;
    }
    throw e;
  }
  if (!action) {
    return 0;
  }
  const ds = await openReviewDataSource(env);
  try {
    const users = new UsersService(
      ds.getRepository(UserEntity),
      ds.getRepository(SessionEntity),
      ds.getRepository(LoginThrottleEntity),
      new SecurityEventsService(ds.getRepository(SecurityEventEntity)),
    );
    await action(users);
    return 0;
  } catch (e) {
    if (e instanceof DomainException) {
      io.err(`users: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await ds.destroy();
  }
}

type Schedule = (action: (users: UsersService) => Promise<void>) => void;

function usersProgram(io: UsersCliIo, schedule: Schedule): Command {
  const actor = (o: { actor?: string }) => o.actor ?? `cli:${userInfo().username}`;
  const password = async (o: { passwordStdin?: boolean }) =>
    o.passwordStdin ? (await io.readStdin()).replace(/\r?\n$/, '') : undefined;
  const printPassword = (username: string, r: { password: string; generated: boolean }) => {
    if (r.generated) {
      io.out(`password for ${username} (shown once, not stored): ${r.password}`);
    }
  };
  const program = new Command('users')
    .description("local accounts of the review console (DATABASE_URL names review's database)")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  const withActor = (c: Command) => c.option('--actor <name>', 'who makes the change, for the security log');

  withActor(
    program
      .command('add <username>')
      .description('create a user; the password comes from stdin or is generated and printed once')
      .requiredOption('--role <role>', `one of: ${ROLES.join(', ')}`)
      .option('--display-name <name>', 'name shown in the console')
      .option('--password-stdin', 'read the password from standard input (at least 12 characters)'),
  ).action((username: string, o: { role: string; displayName?: string; passwordStdin?: boolean; actor?: string }) =>
    schedule(async (users) => {
      const r = await users.add(
        { username, role: o.role, displayName: o.displayName, password: await password(o) },
        actor(o),
      );
      io.out(`added ${username} (${o.role})`);
      printPassword(username, r);
    }),
  );
  withActor(program.command('disable <username>').description('refuse sign-in and end every session now')).action(
    (username: string, o: { actor?: string }) =>
      schedule(async (users) => {
        await users.disable(username, actor(o));
        io.out(`disabled ${username}; its sessions are revoked`);
      }),
  );
  withActor(program.command('enable <username>').description('allow a disabled user to sign in again')).action(
    (username: string, o: { actor?: string }) =>
      schedule(async (users) => {
        await users.enable(username, actor(o));
        io.out(`enabled ${username}`);
      }),
  );
  withActor(
    program.command('set-role <username> <role>').description('change the role; effective on the next request'),
  ).action((username: string, role: string, o: { actor?: string }) =>
    schedule(async (users) => {
      await users.setRole(username, role, actor(o));
      io.out(`${username} is now ${role}`);
    }),
  );
  withActor(
    program
      .command('reset-password <username>')
      .description('set a new password (stdin or generated) and end every session of the user')
      .option('--password-stdin', 'read the password from standard input (at least 12 characters)'),
  ).action((username: string, o: { passwordStdin?: boolean; actor?: string }) =>
    schedule(async (users) => {
      const r = await users.resetPassword(username, await password(o), actor(o));
      io.out(`password of ${username} reset; its sessions are revoked`);
      printPassword(username, r);
    }),
  );
  withActor(
    program.command('revoke-sessions <username>').description('end every session of the user (tokens answer 401)'),
  ).action((username: string, o: { actor?: string }) =>
    schedule(async (users) => {
      io.out(`revoked ${await users.revokeSessions(username, actor(o))} session(s) of ${username}`);
    }),
  );
  withActor(program.command('unlock <username>').description('lift a sign-in lockout before it runs out')).action(
    (username: string, o: { actor?: string }) =>
      schedule(async (users) => {
        await users.unlock(username, actor(o));
        io.out(`unlocked ${username}`);
      }),
  );
  program
    .command('list')
    .description('every user with role and state')
    .option('--json', 'one JSON array')
    .action((o: { json?: boolean }) =>
      schedule(async (users) => {
        const all = await users.list();
        if (o.json) {
          io.out(JSON.stringify(all));
          return;
        }
        io.out(['username', 'role', 'state', 'sign-in', 'created'].join('\t'));
        all.forEach((u) =>
          io.out([u.username, u.role, u.disabled ? 'disabled' : 'active', u.signIn, u.createdAt].join('\t')),
        );
      }),
    );
  return program;
}
