import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { APP_CONFIG } from '@loanmesh/config';

import type { ReviewConfig } from '../config/review.config';
import { AuthException } from './auth.exception';
import type { AuthenticatedUser } from './authenticated-user';
import { JwtTokenService } from './jwt-token.service';
import { isRole } from './role';
import { SessionEntity, type SignInMethod } from './session.entity';
import type { TokenVerifier, VerifiedCaller } from './token-verifier';
import { UserEntity } from './user.entity';

export interface IssuedToken {
  token: string;
  /** When this access token expires (the console refreshes before). */
  expiresAt: string;
  /** When the session ends; no refresh goes past it. */
  sessionExpiresAt: string;
}

/**
 * Sessions in PostgreSQL, shared by every replica. `issue` is the one way in: password sign-in
 * uses it, and an OIDC sign-in will call it for the user record it maps the identity to.
 * Every request is checked with one indexed query over the session and its user, so a
 * revoked session, a disabled user or a changed role takes effect on the next request.
 */
@Injectable()
export class SessionService implements TokenVerifier {
  constructor(
    @Inject(APP_CONFIG) private readonly config: ReviewConfig,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly tokens: JwtTokenService,
  ) {}

  async issue(user: Pick<UserEntity, 'id'>, method: SignInMethod, clientIp: string | null): Promise<IssuedToken> {
    const now = new Date();
    const session: SessionEntity = {
      id: randomUUID(),
      userId: user.id,
      method,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.SESSION_MAX_SECONDS * 1000),
      revokedAt: null,
      clientIp,
    };
    await this.sessions.insert(session);
    // Ended sessions are kept a week for investigation, then dropped as the user signs in again.
    await this.sessions
      .createQueryBuilder()
      .delete()
      .where("user_id = :userId AND expires_at < now() - interval '7 days'", { userId: user.id })
      .execute();
    return this.tokenFor(session.id, user.id, session.expiresAt);
  }

  /** A fresh access token for a session the guard has just found valid. */
  async refresh(caller: VerifiedCaller): Promise<IssuedToken> {
    const session = await this.sessions.findOneBy({ id: caller.sessionId });
    if (!session || session.revokedAt !== null || session.expiresAt <= new Date()) {
      throw AuthException.invalidToken();
    }
    return this.tokenFor(session.id, caller.user.id, session.expiresAt);
  }

  async revoke(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId }, { revokedAt: new Date() });
  }

  async verify(token: string): Promise<VerifiedCaller> {
    const claims = this.tokens.verify(token);
    const row = await this.users
      .createQueryBuilder('u')
      .innerJoin(SessionEntity, 's', 's.userId = u.id')
      .select(['u.id', 'u.username', 'u.role'])
      .where('s.id = :sessionId AND s.userId = :userId', claims)
      .andWhere('s.revokedAt IS NULL AND s.expiresAt > now() AND u.disabledAt IS NULL')
      .getOne();
    if (!row || !isRole(row.role)) {
      throw AuthException.invalidToken();
    }
    const user: AuthenticatedUser = { id: row.id, username: row.username, role: row.role };
    return { user, sessionId: claims.sessionId };
  }

  private tokenFor(sessionId: string, userId: string, sessionEnd: Date): IssuedToken {
    const end = Math.min(Date.now() + this.config.JWT_TTL_SECONDS * 1000, sessionEnd.getTime());
    const expiresAt = new Date(Math.floor(end / 1000) * 1000);
    return {
      token: this.tokens.sign({ userId, sessionId }, expiresAt),
      expiresAt: expiresAt.toISOString(),
      sessionExpiresAt: sessionEnd.toISOString(),
    };
  }
}
