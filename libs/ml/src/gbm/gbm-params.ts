/** Hyper-parameters of the boosted trees (XGBoost/LightGBM names and meanings). */
export interface GbmParams {
  nTrees: number;
  learningRate: number;
  maxDepth: number;
  maxLeaves: number;
  /** Minimum hessian sum in a child (for logistic loss roughly p(1-p) times the row count). */
  minChildWeight: number;
  /** L2 penalty on leaf values. */
  lambda: number;
  /** Minimum loss reduction to split. */
  gamma: number;
  subsample: number;
  colsample: number;
  maxBins: number;
  /** Stop when validation log-loss has not improved for this many trees (0 = off). */
  earlyStoppingRounds: number;
  seed: number;
  /**
   * Per feature, in vector order: +1 the prediction may only rise with the feature, -1 only
   * fall, 0 free. Shorter than the feature count (or empty) means the rest are free.
   */
  monotoneConstraints: readonly MonotoneConstraint[];
}

/** +1 non-decreasing, -1 non-increasing, 0 unconstrained (XGBoost/LightGBM `monotone_constraints`). */
export type MonotoneConstraint = -1 | 0 | 1;

export const DEFAULT_GBM_PARAMS: GbmParams = {
  nTrees: 300,
  learningRate: 0.05,
  maxDepth: 4,
  maxLeaves: 15,
  minChildWeight: 2,
  lambda: 1,
  gamma: 0,
  subsample: 0.8,
  colsample: 0.8,
  maxBins: 64,
  earlyStoppingRounds: 30,
  seed: 42,
  monotoneConstraints: [],
};
