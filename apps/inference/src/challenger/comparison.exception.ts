import { DomainException } from '@loanmesh/observability';

export type ComparisonErrorCode = 'OUTCOMES_INVALID';

export class ComparisonException extends DomainException {
  constructor(code: ComparisonErrorCode, message: string) {
    super(code, 'INVALID', message);
  }
}
