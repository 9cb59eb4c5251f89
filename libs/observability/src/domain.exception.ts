/**
 * What kind of failure a domain error is; each transport maps kinds in one place
 * (HTTP: status code; Kafka: retry or dead-letter).
 */
export type DomainErrorKind =
  | 'INVALID'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHORIZED'
  | 'UNAVAILABLE'
  | 'PRECONDITION_FAILED'
  | 'THROTTLED';

/** Base of every feature's exception: a stable code for clients and a kind for transports. */
export class DomainException extends Error {
  /** Seconds a throttled client should wait; HTTP sends it as `Retry-After`. */
  retryAfterSeconds?: number;

  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export function httpStatusOf(kind: DomainErrorKind): number {
  switch (kind) {
    case 'INVALID':
      return 400;
    case 'UNAUTHORIZED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
    case 'PRECONDITION_FAILED':
      return 422;
    case 'UNAVAILABLE':
      return 503;
    case 'THROTTLED':
      return 429;
  }
}

/** Kafka disposition: an unavailable dependency is retried; anything else cannot succeed later. */
export function kafkaDispositionOf(kind: DomainErrorKind): 'retry' | 'dead-letter' {
  return kind === 'UNAVAILABLE' ? 'retry' : 'dead-letter';
}
