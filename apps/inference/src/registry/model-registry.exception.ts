import { type DomainErrorKind, DomainException } from '@loanmesh/observability';

export type ModelRegistryErrorCode =
  | 'MODEL_NOT_FOUND'
  | 'MODEL_ARTIFACT_INVALID'
  | 'MODEL_FEATURES_MISMATCH'
  | 'MODEL_LOAD_FAILED'
  | 'PROMOTION_PARITY_FAILED'
  | 'PROMOTION_AUC_GATE_FAILED'
  | 'REQUEST_INVALID'
  | 'PROMOTION_CONFLICT'
  | 'PROMOTION_REQUEST_NOT_FOUND'
  | 'PROMOTION_REQUEST_DECIDED'
  | 'PROMOTION_SAME_USER'
  | 'PROMOTION_NEEDS_PERSON'
  | 'ROLLBACK_NO_STANDBY';

const KIND: Record<ModelRegistryErrorCode, DomainErrorKind> = {
  MODEL_NOT_FOUND: 'NOT_FOUND',
  MODEL_ARTIFACT_INVALID: 'INVALID',
  MODEL_FEATURES_MISMATCH: 'PRECONDITION_FAILED',
  MODEL_LOAD_FAILED: 'PRECONDITION_FAILED',
  PROMOTION_PARITY_FAILED: 'PRECONDITION_FAILED',
  PROMOTION_AUC_GATE_FAILED: 'PRECONDITION_FAILED',
  REQUEST_INVALID: 'INVALID',
  PROMOTION_CONFLICT: 'CONFLICT',
  PROMOTION_REQUEST_NOT_FOUND: 'NOT_FOUND',
  PROMOTION_REQUEST_DECIDED: 'CONFLICT',
  // Four eyes: the maker approving their own request is a forbidden act, not a state conflict.
  PROMOTION_SAME_USER: 'FORBIDDEN',
  PROMOTION_NEEDS_PERSON: 'FORBIDDEN',
  ROLLBACK_NO_STANDBY: 'CONFLICT',
};

/** Registry and promotion failures; a failed gate is a 422 that says which gate and why. */
export class ModelRegistryException extends DomainException {
  constructor(code: ModelRegistryErrorCode, message: string) {
    super(code, KIND[code], message);
  }
}
