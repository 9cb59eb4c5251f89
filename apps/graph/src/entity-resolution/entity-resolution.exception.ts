import { DomainException } from '@loanmesh/observability';

export enum EntityResolutionErrorCode {
  CandidateNotFound = 'ER_CANDIDATE_NOT_FOUND',
  CandidateAlreadyDecided = 'ER_CANDIDATE_ALREADY_DECIDED',
}

export class EntityResolutionException extends DomainException {
  static notFound(id: string): EntityResolutionException {
    return new EntityResolutionException(
      EntityResolutionErrorCode.CandidateNotFound,
      'NOT_FOUND',
      `match candidate ${id} not found`,
    );
  }

  static alreadyDecided(id: string, status: string): EntityResolutionException {
    return new EntityResolutionException(
      EntityResolutionErrorCode.CandidateAlreadyDecided,
      'CONFLICT',
      `match candidate ${id} is already ${status}`,
    );
  }
}
