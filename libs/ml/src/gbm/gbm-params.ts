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
}

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
};
