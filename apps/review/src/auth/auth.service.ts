import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import bcrypt from 'bcryptjs';
import type { Repository } from 'typeorm';

import { APP_CONFIG } from '@loanmesh/config';
import { ConcurrencyLimiter } from '@loanmesh/observability';

import type { ReviewConfig } from '../config/review.config';
import type { SignInFailure } from '../security-events/security-event.entity';
import { SecurityEventsService } from '../security-events/security-events.service';
import { DUMMY_PASSWORD_HASH, MAX_PASSWORD_BYTES } from '../users/password-policy';
import { AuthException } from './auth.exception';
import type { AuthenticatedUser } from './authenticated-user';
import { LoginThrottleService } from './login-throttle.service';
import { type IssuedToken, SessionService } from './session.service';
import type { VerifiedCaller } from './token-verifier';
import { UserEntity } from './user.entity';

export interface LoginResult extends IssuedToken {
  user: AuthenticatedUser & { displayName: string };
}

/**
 * Password sign-in: throttle check first (a locked name or address costs one query, no
 * bcrypt), then one bcrypt comparison under the bcrypt concurrency limit (against a dummy hash for an
 * unknown name), then a session. Every outcome is written to the security log.
 */
@Injectable()
export class AuthService {
  private readonly gate: ConcurrencyLimiter;

  constructor(
    @Inject(APP_CONFIG) private readonly config: ReviewConfig,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    private readonly events: SecurityEventsService,
  ) {
    this.gate = new ConcurrencyLimiter(config.LOGIN_CONCURRENT_HASHES, config.LOGIN_HASH_QUEUE);
  }

  async login(username: string, password: string, clientIp: string): Promise<LoginResult> {
    if (!this.config.PASSWORD_SIGN_IN) {
      throw AuthException.passwordSignInDisabled();
    }
    const lock = await this.throttle.activeLock(username, clientIp);
    if (lock) {
      await this.failed(username, clientIp, lock.scope === 'user' ? 'LOCKED' : 'THROTTLED_IP');
      throw AuthException.throttled(lock.retryAfterSeconds);
    }
    const user = await this.users.findOne({ where: { username } });
    const compared = await this.gate.tryRun(() => bcrypt.compare(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH));
    if (compared === undefined) {
      // The gate is full: refused without a hash and without counting against the name.
      throw AuthException.throttled(1);
    }
    // bcrypt reads only the first 72 bytes, and no stored password is longer: a longer one typed
    // here must not match on its prefix (ASVS 2.1.3). It is still hashed, so it takes as long.
    const matches = compared && Buffer.byteLength(password, 'utf8') <= MAX_PASSWORD_BYTES;
    if (!user || !matches || user.disabledAt !== null) {
      const reason: SignInFailure = !user ? 'UNKNOWN_USER' : !matches ? 'BAD_PASSWORD' : 'DISABLED';
      await this.failed(username, clientIp, reason);
      const { userLockedUntil } = await this.throttle.recordFailure(username, clientIp);
      if (userLockedUntil) {
        await this.events.record({
          type: 'LOCKED_OUT',
          username,
          clientIp,
          detail: { lockedUntil: userLockedUntil.toISOString() },
        });
      }
      throw AuthException.invalidCredentials();
    }
    await this.throttle.recordSuccess(username);
    const issued = await this.sessions.issue(user, 'password', clientIp);
    await this.events.record({ type: 'SIGN_IN', username, actor: username, clientIp, reason: 'PASSWORD' });
    return {
      ...issued,
      user: { id: user.id, username: user.username, role: user.role, displayName: user.displayName },
    };
  }

  async logout(caller: VerifiedCaller, clientIp: string): Promise<void> {
    await this.sessions.revoke(caller.sessionId);
    await this.events.record({
      type: 'SIGN_OUT',
      username: caller.user.username,
      actor: caller.user.username,
      clientIp,
    });
  }

  private failed(username: string, clientIp: string, reason: SignInFailure): Promise<void> {
    return this.events.record({ type: 'SIGN_IN_FAILED', username, clientIp, reason });
  }
}
