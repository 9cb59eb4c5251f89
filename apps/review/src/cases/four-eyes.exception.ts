import { DomainException } from '@loanmesh/observability';

/** The four-eyes rule: whoever proposed a decision can never also confirm it. */
export class FourEyesException extends DomainException {
  static samePerson(): FourEyesException {
    return new FourEyesException(
      'FOUR_EYES_SAME_PERSON',
      'CONFLICT',
      'four-eyes: the proposer of a decision cannot confirm it; another senior officer must',
    );
  }

  static nothingToConfirm(): FourEyesException {
    return new FourEyesException(
      'FOUR_EYES_NOTHING_TO_CONFIRM',
      'CONFLICT',
      'the case has no decision awaiting confirmation',
    );
  }
}
