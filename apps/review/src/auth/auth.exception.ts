import { DomainException } from '@loanmesh/observability';

export class AuthException extends DomainException {
  static invalidCredentials(): AuthException {
    return new AuthException('INVALID_CREDENTIALS', 'UNAUTHORIZED', 'unknown user or wrong password');
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
