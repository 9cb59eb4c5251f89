import { calibrationByDecile, type CalibrationBin } from './calibration.metrics';
import { auc, brier, gini, ks, logLoss } from './ranking.metrics';

export interface ClassificationSummary {
  rows: number;
  badRate: number;
  auc: number;
  ks: number;
  gini: number;
  brier: number;
  logLoss: number;
  calibration: CalibrationBin[];
}

export function summarise(probabilities: ArrayLike<number>, labels: ArrayLike<number>): ClassificationSummary {
  const a = auc(probabilities, labels);
  const bads = Array.from(labels).reduce((s: number, y) => s + y, 0);
  return {
    rows: labels.length,
    badRate: bads / Math.max(1, labels.length),
    auc: a,
    ks: ks(probabilities, labels),
    gini: gini(a),
    brier: brier(probabilities, labels),
    logLoss: logLoss(probabilities, labels),
    calibration: calibrationByDecile(probabilities, labels),
  };
}
