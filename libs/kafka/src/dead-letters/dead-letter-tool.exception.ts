import { DomainException, type DomainErrorKind } from '@loanmesh/observability';

export type DeadLetterToolErrorCode = 'DEAD_LETTER_NOT_FOUND' | 'NOT_A_DEAD_LETTER_TOPIC';

const KINDS: Record<DeadLetterToolErrorCode, DomainErrorKind> = {
  DEAD_LETTER_NOT_FOUND: 'NOT_FOUND',
  NOT_A_DEAD_LETTER_TOPIC: 'INVALID',
};

/** A request the dead-letter tool cannot serve; its message is for the operator. */
export class DeadLetterToolException extends DomainException {
  constructor(code: DeadLetterToolErrorCode, message: string) {
    super(code, KINDS[code], message);
  }
}
