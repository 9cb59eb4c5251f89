import { DomainException } from '@loanmesh/observability';

export type ServiceAuthErrorCode =
  | 'SERVICE_CREDENTIAL_MISSING'
  | 'SERVICE_CREDENTIAL_MALFORMED'
  | 'SERVICE_CREDENTIAL_UNKNOWN_KEY'
  | 'SERVICE_CREDENTIAL_BAD_SIGNATURE'
  | 'SERVICE_CREDENTIAL_EXPIRED'
  | 'SERVICE_CREDENTIAL_WRONG_AUDIENCE'
  | 'SERVICE_CREDENTIAL_WRONG_ISSUER'
  | 'SERVICE_CALLER_FORBIDDEN';

/**
 * A refused service credential: 401 with a code saying why (missing, forged, expired, for
 * another service), or 403 when a valid caller may not use the route.
 */
export class ServiceAuthException extends DomainException {
  constructor(code: ServiceAuthErrorCode, message: string) {
    super(code, code === 'SERVICE_CALLER_FORBIDDEN' ? 'FORBIDDEN' : 'UNAUTHORIZED', message);
  }
}
