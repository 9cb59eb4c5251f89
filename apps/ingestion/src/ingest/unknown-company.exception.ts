import { DomainException } from '@loanmesh/observability';

/**
 * An application for a company ingestion has never seen. Not retried: it is dead-lettered
 * with code UNKNOWN_COMPANY so an operator can replay it once the company exists.
 */
export class UnknownCompanyException extends DomainException {
  constructor(applicationId: string) {
    super('UNKNOWN_COMPANY', 'PRECONDITION_FAILED', `application ${applicationId} refers to an unknown company`);
  }
}
