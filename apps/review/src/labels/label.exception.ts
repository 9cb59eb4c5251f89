import { DomainException } from '@loanmesh/observability';

export class LabelException extends DomainException {
  static noDecision(applicationId: string): LabelException {
    return new LabelException('LABEL_UNKNOWN_APPLICATION', 'NOT_FOUND', `no decision for application ${applicationId}`);
  }

  static outcomeExists(applicationId: string): LabelException {
    return new LabelException(
      'LABEL_OUTCOME_EXISTS',
      'CONFLICT',
      `application ${applicationId} already has a repayment or default outcome`,
    );
  }
}
