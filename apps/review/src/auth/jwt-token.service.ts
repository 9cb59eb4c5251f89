import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';

import { APP_CONFIG } from '@loanmesh/config';

import type { ReviewConfig } from '../config/review.config';
import { AuthException } from './auth.exception';

/** What an access token asserts: a user and the session it belongs to; never the role. */
export interface AccessClaims {
  userId: string;
  sessionId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Signs and verifies the short-lived HS256 access tokens. Verification pins the algorithm,
 * issuer and audience and checks expiry; whether the session and user are still valid is
 * the session service's question, asked on every request.
 */
@Injectable()
export class JwtTokenService {
  constructor(@Inject(APP_CONFIG) private readonly config: ReviewConfig) {}

  sign(claims: AccessClaims, expiresAt: Date): string {
    return jwt.sign({ sid: claims.sessionId, exp: Math.floor(expiresAt.getTime() / 1000) }, this.config.JWT_SECRET, {
      algorithm: 'HS256',
      subject: claims.userId,
      issuer: this.config.JWT_ISSUER,
      audience: this.config.JWT_AUDIENCE,
    });
  }

  verify(token: string): AccessClaims {
    let claims: string | jwt.JwtPayload;
    try {
      claims = jwt.verify(token, this.config.JWT_SECRET, {
        algorithms: ['HS256'],
        issuer: this.config.JWT_ISSUER,
        audience: this.config.JWT_AUDIENCE,
      });
    } catch {
      throw AuthException.invalidToken();
    }
    const sid: unknown = typeof claims === 'string' ? undefined : claims.sid;
    if (typeof claims === 'string' || typeof claims.sub !== 'string' || typeof sid !== 'string' || !UUID.test(sid)) {
      throw AuthException.invalidToken();
    }
    return { userId: claims.sub, sessionId: sid };
  }
}
