import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';

import { LoginThrottleEntity } from '../auth/login-throttle.entity';
import { isRole, ROLES, type Role } from '../auth/role';
import { SessionEntity } from '../auth/session.entity';
import { UserEntity } from '../auth/user.entity';
import { SecurityEventsService } from '../security-events/security-events.service';
import { generatePassword, hashPassword } from './password-policy';
import { UsersException } from './users.exception';

const USERNAME = /^[A-Za-z0-9._@-]{3,64}$/;

export interface UserSummary {
  username: string;
  role: Role;
  displayName: string;
  disabled: boolean;
  /** How the account signs in: `password` (local) or `sso` (created by single sign-on). */
  signIn: 'password' | 'sso';
  createdAt: string;
}

export interface NewUser {
  username: string;
  role: string;
  displayName?: string;
  /** Omitted: a random password is generated and returned once. */
  password?: string;
}

/**
 * Local account administration (the users CLI): add, disable, enable, change role, reset
 * password, revoke sessions, unlock. Every change is written to the security log with its actor.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @InjectRepository(LoginThrottleEntity) private readonly throttle: Repository<LoginThrottleEntity>,
    private readonly events: SecurityEventsService,
  ) {}

  /** Resolves to the password (the given one, or the generated one to print once). */
  async add(user: NewUser, actor: string): Promise<{ password: string; generated: boolean }> {
    if (!USERNAME.test(user.username)) {
      throw UsersException.invalidUsername();
    }
    const role = roleOf(user.role);
    const password = user.password ?? generatePassword();
    const passwordHash = await hashPassword(password);
    if (await this.users.existsBy({ username: user.username })) {
      throw UsersException.exists(user.username);
    }
    await this.users.insert({
      username: user.username,
      role,
      displayName: user.displayName ?? user.username,
      passwordHash,
      disabledAt: null,
    });
    await this.events.record({ type: 'USER_ADDED', username: user.username, actor, detail: { role } });
    return { password, generated: user.password === undefined };
  }

  async disable(username: string, actor: string): Promise<void> {
    const user = await this.find(username);
    await this.users.update({ id: user.id }, { disabledAt: new Date() });
    await this.revokeSessionsOf(user.id);
    await this.events.record({ type: 'USER_DISABLED', username, actor });
  }

  async enable(username: string, actor: string): Promise<void> {
    const user = await this.find(username);
    await this.users.update({ id: user.id }, { disabledAt: null });
    await this.events.record({ type: 'USER_ENABLED', username, actor });
  }

  async setRole(username: string, role: string, actor: string): Promise<void> {
    const next = roleOf(role);
    const user = await this.find(username);
    await this.users.update({ id: user.id }, { role: next });
    await this.events.record({ type: 'USER_ROLE_CHANGED', username, actor, detail: { from: user.role, to: next } });
  }

  /** A new password; every session of the user ends, as the old password may be known. */
  async resetPassword(
    username: string,
    password: string | undefined,
    actor: string,
  ): Promise<{ password: string; generated: boolean }> {
    const user = await this.find(username);
    if (user.externalSubject !== null) {
      throw UsersException.ssoAccount(username);
    }
    const next = password ?? generatePassword();
    await this.users.update({ id: user.id }, { passwordHash: await hashPassword(next) });
    await this.revokeSessionsOf(user.id);
    await this.events.record({ type: 'USER_PASSWORD_RESET', username, actor });
    return { password: next, generated: password === undefined };
  }

  /** Ends every open session of the user (a stolen token, a lost laptop). Resolves to how many. */
  async revokeSessions(username: string, actor: string): Promise<number> {
    const user = await this.find(username);
    const revoked = await this.revokeSessionsOf(user.id);
    await this.events.record({ type: 'SESSIONS_REVOKED', username, actor, detail: { sessions: revoked } });
    return revoked;
  }

  /** Lifts a lockout before it runs out (after the user is reached by another channel). */
  async unlock(username: string, actor: string): Promise<void> {
    await this.find(username);
    await this.throttle.delete({ scope: 'user', key: username });
    await this.events.record({ type: 'USER_UNLOCKED', username, actor });
  }

  async list(): Promise<UserSummary[]> {
    const users = await this.users.find({ order: { username: 'ASC' } });
    return users.map((u) => ({
      username: u.username,
      role: u.role,
      displayName: u.displayName,
      disabled: u.disabledAt !== null,
      signIn: u.externalSubject === null ? ('password' as const) : ('sso' as const),
      createdAt: u.createdAt.toISOString(),
    }));
  }

  private async find(username: string): Promise<UserEntity> {
    const user = await this.users.findOne({ where: { username } });
    if (!user) {
      throw UsersException.notFound(username);
    }
    return user;
  }

  private async revokeSessionsOf(userId: string): Promise<number> {
    const result = await this.sessions.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return result.affected ?? 0;
  }
}

function roleOf(role: string): Role {
  if (!isRole(role)) {
    throw UsersException.unknownRole(role, ROLES);
  }
  return role;
}
