import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';

import { APP_CONFIG } from '@loanmesh/config';

import type { ReviewConfig } from '../config/review.config';
import { AuthException } from './auth.exception';
import type { AuthenticatedUser } from './authenticated-user';
import { isRole } from './role';
import type { TokenVerifier } from './token-verifier';

const ISSUER = 'loanmesh-review';

/** Signs and verifies the console's HS256 session tokens. */
@Injectable()
export class JwtTokenService implements TokenVerifier {
  constructor(@Inject(APP_CONFIG) private readonly config: ReviewConfig) {}

  sign(user: AuthenticatedUser): string {
    return jwt.sign({ username: user.username, role: user.role }, this.config.JWT_SECRET, {
      algorithm: 'HS256',
      subject: user.id,
      issuer: ISSUER,
      expiresIn: this.config.JWT_TTL_SECONDS,
    });
  }

  verify(token: string): Promise<AuthenticatedUser> {
    try {
      const claims = jwt.verify(token, this.config.JWT_SECRET, { algorithms: ['HS256'], issuer: ISSUER });
      if (typeof claims === 'string' || typeof claims.sub !== 'string') {
        throw AuthException.invalidToken();
      }
      const { username, role } = claims as { username?: unknown; role?: unknown };
      if (typeof username !== 'string' || !isRole(role)) {
        throw AuthException.invalidToken();
      }
      return Promise.resolve({ id: claims.sub, username, role });
    } catch {
      return Promise.reject(AuthException.invalidToken());
    }
  }
}
