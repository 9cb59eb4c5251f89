import type { MonotoneConstraint } from '../gbm/gbm-params';
import type { PairedBootstrap } from '../metrics/bootstrap.metrics';
import type { CalibrationBin } from '../metrics/calibration.metrics';
import type { ClassificationSummary } from '../metrics/classification.summary';
import type { FeatureBaseline } from '../metrics/feature-baseline.metrics';
import type { PlattCalibration } from '../metrics/platt.calibration';
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
  /** Paired bootstrap on the test rows (a = tabular, b = graph); null when not computed. */
  intervals: PairedBootstrap | null;
}

/** Predicted PD against observed default rate by decile, and the recalibration rule applied. */
export interface CalibrationReport {
  /** Recalibrate when the raw model's largest validation decile gap exceeds this. */
  threshold: number;
  rawLargestGap: { validation: number; test: number };
  /** Raw model's test deciles (metrics.test.calibration holds the served ones). */
  rawTest: CalibrationBin[];
  recalibration: PlattCalibration | null;
  servedLargestGapTest: number;
}

/** One model in the champion comparison: its bad rate at the approval rate against the reference's. */
export interface ChampionCandidate {
  model: string;
  auc: number;
  aucInterval: [number, number];
  badRateAtApproval: number;
  badRateInterval: [number, number];
  /** reference bad rate minus this model's, pp, and the paired 95% interval (null for the reference itself). */
  reductionPp: number | null;
  reductionInterval: [number, number] | null;
}

/** Champion choice by the business metric with its interval (rule in docs/model.md, "Champion"). */
export interface ChampionSelection {
  approvalRate: number;
  reference: string;
  champion: string;
  rule: string;
  candidates: ChampionCandidate[];
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
  /** Raw (pre-recalibration) training scores by decile: serving's score PSI compares raw scores with it. */
  baselineScoreDistribution: ScoreBaseline;
  /** Training distribution of every feature, for serving's feature PSI; absent on cards written before it. */
  baselineFeatureDistributions?: FeatureBaseline[];
  parity: { rows: number; maxAbsDifference: number; tolerance: number; passed: boolean };
  calibration: CalibrationReport;
  graphLift: GraphLift | null;
  champion: ChampionSelection | null;
  /**
   * Categorical features coded as one feature: per feature name, the categories in code order
   * (`[k]` has code k), the same order serving reads from the meta file. Absent when there are none.
   */
  categoryCodes?: Record<string, readonly string[]>;
  warnings: string[];
}
