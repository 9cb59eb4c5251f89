import { DomainException } from '@loanmesh/observability';

export type ScoringErrorCode = 'NO_MODEL_AVAILABLE';

/** No model at all could score: retried (the message is never dropped) until one loads. */
export class ScoringException extends DomainException {
  constructor(code: ScoringErrorCode, message: string) {
    super(code, 'UNAVAILABLE', message);
  }
}
