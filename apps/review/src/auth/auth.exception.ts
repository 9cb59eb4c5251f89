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

  static ssoDisabled(): AuthException {
    return new AuthException('SSO_DISABLED', 'NOT_FOUND', 'single sign-on is not configured');
  }

  /** The callback's state or transaction cookie is missing, altered, expired or from another sign-in. */
  static ssoTransactionInvalid(): AuthException {
    return new AuthException('SSO_TRANSACTION_INVALID', 'INVALID', 'the sign-in transaction is missing or invalid');
  }

  /** The provider's answer failed validation (code exchange, signature, issuer, audience, nonce). */
  static ssoRejected(): AuthException {
    return new AuthException('SSO_REJECTED', 'UNAUTHORIZED', 'the identity provider answer was not accepted');
  }

  /** A valid identity that may not use the console: no mapped role, disabled, or not an SSO account. */
  static ssoForbidden(): AuthException {
    return new AuthException('SSO_FORBIDDEN', 'FORBIDDEN', 'this identity may not sign in to LoanMesh');
  }

  static ssoUnavailable(): AuthException {
    return new AuthException('SSO_PROVIDER_UNAVAILABLE', 'UNAVAILABLE', 'the identity provider cannot be reached');
  }

  static passwordSignInDisabled(): AuthException {
    return new AuthException(
      'PASSWORD_SIGN_IN_DISABLED',
      'FORBIDDEN',
      'password sign-in is turned off; use single sign-on',
    );
  }
}
