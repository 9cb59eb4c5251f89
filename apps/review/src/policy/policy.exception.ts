import { DomainException } from '@loanmesh/observability';

export class PolicyException extends DomainException {
  static notFound(id: string): PolicyException {
    return new PolicyException('POLICY_NOT_FOUND', 'NOT_FOUND', `policy version ${id} does not exist`);
  }

  static noActivePolicy(): PolicyException {
    return new PolicyException('POLICY_NONE_ACTIVE', 'UNAVAILABLE', 'no active decision policy');
  }

  static notDraft(version: number): PolicyException {
    return new PolicyException('POLICY_NOT_DRAFT', 'CONFLICT', `policy version ${version} is not a draft`);
  }

  static sameMakerAndChecker(): PolicyException {
    return new PolicyException(
      'POLICY_MAKER_CHECKER_SAME_PERSON',
      'CONFLICT',
      'a policy must be activated by someone other than its author',
    );
  }
}
