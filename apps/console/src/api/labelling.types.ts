/** Response shapes of review's /labelling endpoints (hand-written until the OpenAPI client lands). */
export type LabelKind = 'FRAUD' | 'ER_CORRECTION' | 'REASON_TAG' | 'OUTCOME_DISPUTE';
export type LabelTaskStatus = 'OPEN' | 'NEEDS_ADJUDICATION' | 'AGREED' | 'ADJUDICATED';
export type TaskScope = 'to-label' | 'adjudication' | 'all';

export type LabelSubject =
  | { kind: 'FRAUD' }
  | { kind: 'ER_CORRECTION'; entityA: string; entityB: string }
  | { kind: 'REASON_TAG' }
  | { kind: 'OUTCOME_DISPUTE'; disputedOutcome: 'REPAID' | 'DEFAULTED' };

export interface TaskLabel {
  id: string;
  labeller: string;
  value: string;
  version: number;
  recordedAt: string;
}

export interface LabelTask {
  id: string;
  caseId: string;
  applicationId: string;
  kind: LabelKind;
  subject: LabelSubject;
  status: LabelTaskStatus;
  requiredLabellers: number;
  labellerCount: number;
  finalValue: string | null;
  adjudicatedBy: string | null;
  createdBy: string;
  createdAt: string;
  labels?: TaskLabel[];
}

export interface KindAgreement {
  kind: LabelKind;
  samples: number;
  n: number;
  observed: number;
  expected: number;
  kappa: number | null;
}

export interface LabelKindValues {
  kind: LabelKind;
  values: string[];
}
