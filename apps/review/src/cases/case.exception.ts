import { DomainException } from '@loanmesh/observability';

import type { CaseStatus } from './case.entity';

export class CaseException extends DomainException {
  static notFound(id: string): CaseException {
    return new CaseException('CASE_NOT_FOUND', 'NOT_FOUND', `case ${id} does not exist`);
  }

  static wrongStatus(status: CaseStatus, action: string): CaseException {
    return new CaseException('CASE_WRONG_STATUS', 'CONFLICT', `cannot ${action} a case that is ${status}`);
  }

  static notAssignee(): CaseException {
    return new CaseException('CASE_NOT_ASSIGNEE', 'CONFLICT', 'the case is claimed by someone else');
  }

  static unknownReason(code: string): CaseException {
    return new CaseException('CASE_UNKNOWN_REASON', 'INVALID', `reason code ${code} is not in the taxonomy`);
  }

  static reasonOutcomeMismatch(code: string): CaseException {
    return new CaseException(
      'CASE_REASON_OUTCOME_MISMATCH',
      'INVALID',
      `reason code ${code} does not fit this outcome`,
    );
  }

  static unknownUser(username: string): CaseException {
    return new CaseException('CASE_UNKNOWN_ASSIGNEE', 'INVALID', `no officer named ${username}`);
  }

  static concurrentChange(): CaseException {
    return new CaseException('CASE_CONCURRENT_CHANGE', 'CONFLICT', 'the case changed meanwhile; reload and retry');
  }
}
