import { DomainException } from '@loanmesh/observability';

export class AuthException extends DomainException {
  /** One answer for unknown user, wrong password and disabled account: no account enumeration. */
  static invalidCredentials(): AuthException {
    return new AuthException('INVALID_CREDENTIALS', 'UNAUTHORIZED', 'unknown user or wrong password');
  }

  /** Locked name, throttled address or a full sign-in queue: the same 429 for known and unknown names. */
  static throttled(retryAfterSeconds: number): AuthException {
    const e = new AuthException('SIGN_IN_THROTTLED', 'THROTTLED', 'too many sign-in attempts; try again later');
    e.retryAfterSeconds = retryAfterSeconds;
    return e;
  }

  static missingToken(): AuthException {
    return new AuthException('TOKEN_MISSING', 'UNAUTHORIZED', 'a bearer token is required');
  }

  static invalidToken(): AuthException {
    return new AuthException('TOKEN_INVALID', 'UNAUTHORIZED', 'the token is invalid or expired');
  }

  static forbidden(): AuthException {
    return new AuthException('ROLE_FORBIDDEN', 'FORBIDDEN', 'your role may not use this route');
  }

  static noRoleRule(): AuthException {
    return new AuthException('ROUTE_WITHOUT_ROLE_RULE', 'FORBIDDEN', 'this route has no role rule');
  }
}
