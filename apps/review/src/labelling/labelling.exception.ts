import { DomainException } from '@loanmesh/observability';

import type { LabelTaskStatus } from './label-task.entity';

export class LabellingException extends DomainException {
  static taskNotFound(id: string): LabellingException {
    return new LabellingException('LABEL_TASK_NOT_FOUND', 'NOT_FOUND', `label task ${id} does not exist`);
  }

  static caseNotFound(id: string): LabellingException {
    return new LabellingException('LABEL_CASE_NOT_FOUND', 'NOT_FOUND', `case ${id} does not exist`);
  }

  static badValue(kind: string, value: string): LabellingException {
    return new LabellingException('LABEL_BAD_VALUE', 'INVALID', `${value} is not a ${kind} label`);
  }

  static alreadyLabelled(): LabellingException {
    return new LabellingException(
      'LABEL_ALREADY_LABELLED',
      'CONFLICT',
      'you already labelled this sample; revise your label instead of labelling it twice',
    );
  }

  static notLabelled(): LabellingException {
    return new LabellingException('LABEL_NOT_LABELLED', 'CONFLICT', 'you have no label on this sample to revise');
  }

  static staleVersion(current: number): LabellingException {
    return new LabellingException(
      'LABEL_STALE_VERSION',
      'CONFLICT',
      `your label is at version ${current}; revise from that version`,
    );
  }

  static enoughLabellers(): LabellingException {
    return new LabellingException('LABEL_ENOUGH_LABELLERS', 'CONFLICT', 'the sample already has all its labellers');
  }

  static wrongStatus(status: LabelTaskStatus, action: string): LabellingException {
    return new LabellingException('LABEL_WRONG_STATUS', 'CONFLICT', `cannot ${action} a sample that is ${status}`);
  }

  static adjudicatorLabelled(): LabellingException {
    return new LabellingException(
      'LABEL_ADJUDICATOR_IS_LABELLER',
      'CONFLICT',
      'a labeller of the sample cannot adjudicate it; another senior must',
    );
  }
}
