import type { MonotoneConstraint } from '../gbm/gbm-params';
import type { ClassificationSummary } from '../metrics/classification.summary';
import type { ScoreBaseline } from '../metrics/psi.metrics';

export type ModelKind = 'gbm' | 'scorecard';

export interface FeatureImportance {
  feature: string;
  value: number;
}

export interface DataSplitDescription {
  method: 'time' | 'stratified-random';
  /** Rows per part, and for a time split the period each part covers. */
  parts: Record<'train' | 'validation' | 'test', { rows: number; from?: string; to?: string }>;
  seed?: number;
}

export interface CrossValidationResult {
  folds: number;
  aucPerFold: number[];
  meanAuc: number;
  stdAuc: number;
}

export interface LiftSide {
  model: string;
  auc: number;
  badRateAtApproval: number;
}

/** Tabular-only versus graph-enhanced on the same test rows at the same approval rate. */
export interface GraphLift {
  approvalRate: number;
  tabular: LiftSide;
  graph: LiftSide;
  aucGain: number;
  /** tabular bad rate minus graph bad rate, in percentage points (positive = graph better). */
  badRateReductionPp: number;
}

export interface ModelCard {
  name: string;
  kind: ModelKind;
  createdAt: string;
  featureVersion: string;
  featureNames: string[];
  dataFingerprint: { algorithm: 'sha256'; value: string; rows: number; source: string };
  split: DataSplitDescription;
  hyperParameters: object;
  /**
   * Monotone constraint per feature name (+1 PD non-decreasing, -1 non-increasing, 0 free),
   * every feature listed; null when the model was trained without any.
   */
  monotoneConstraints: Record<string, MonotoneConstraint> | null;
  metrics: { validation: ClassificationSummary | null; test: ClassificationSummary };
  crossValidation: CrossValidationResult | null;
  featureImportance: { kind: 'gain' | 'information-value'; values: FeatureImportance[] };
  baselineScoreDistribution: ScoreBaseline;
  parity: { rows: number; maxAbsDifference: number; tolerance: number; passed: boolean };
  graphLift: GraphLift | null;
  warnings: string[];
}
