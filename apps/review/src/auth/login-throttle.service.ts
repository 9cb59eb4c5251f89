import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { APP_CONFIG } from '@loanmesh/config';

import type { ReviewConfig } from '../config/review.config';
import { LoginThrottleEntity, type ThrottleScope } from './login-throttle.entity';
import { ACTIVE_LOCK, RECORD_LOGIN_FAILURE } from './login-throttle.sql';

export interface ActiveLock {
  scope: ThrottleScope;
  retryAfterSeconds: number;
}

/**
 * Failed sign-ins counted per user name and per client address in PostgreSQL, so every
 * replica agrees; a name or address that fails too often is locked for a while. Checked
 * before any password hash is computed, so a flood costs a query, not bcrypt time.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: ReviewConfig,
    @InjectRepository(LoginThrottleEntity) private readonly throttle: Repository<LoginThrottleEntity>,
  ) {}

  async activeLock(username: string, clientIp: string): Promise<ActiveLock | undefined> {
    const rows = await this.throttle.query<{ scope: ThrottleScope; seconds: number }[]>(ACTIVE_LOCK, [
      username,
      clientIp,
    ]);
    return rows[0] ? { scope: rows[0].scope, retryAfterSeconds: Math.max(1, rows[0].seconds) } : undefined;
  }

  /** Counts a failure for both the name and the address; resolves to the name's new lock end, if any. */
  async recordFailure(username: string, clientIp: string): Promise<{ userLockedUntil?: Date; ipLockedUntil?: Date }> {
    const c = this.config;
    const [user, ip] = await Promise.all([
      this.count('user', username, c.LOGIN_MAX_FAILURES_PER_USER),
      this.count('ip', clientIp, c.LOGIN_MAX_FAILURES_PER_IP),
    ]);
    return { userLockedUntil: user, ipLockedUntil: ip };
  }

  /** A correct password clears the name's count (never the address's). */
  async recordSuccess(username: string): Promise<void> {
    await this.throttle.delete({ scope: 'user', key: username });
  }

  private async count(scope: ThrottleScope, key: string, limit: number): Promise<Date | undefined> {
    const c = this.config;
    const rows = await this.throttle.query<{ failures: number; locked_until: Date | null }[]>(RECORD_LOGIN_FAILURE, [
      scope,
      key,
      limit,
      c.LOGIN_FAILURE_WINDOW_SECONDS,
      c.LOGIN_LOCKOUT_SECONDS,
    ]);
    const row = rows[0];
    return row && row.failures === 0 && row.locked_until ? row.locked_until : undefined;
  }
}
