import type { CalibrationBin } from './calibration.metrics';

/**
 * Platt recalibration on the model's own logit: PD = sigmoid(slope x logit(p) + intercept).
 * Chosen over isotonic because it is strictly increasing (slope > 0), so the order of
 * applicants, the AUC and every approval cut stay exactly those of the raw model.
 */
export interface PlattCalibration {
  method: 'platt';
  slope: number;
  intercept: number;
  /** Where it was fitted (the validation year for world models). */
  fittedOn: string;
}

const EPS = 1e-12;
const clamp = (p: number): number => Math.min(1 - EPS, Math.max(EPS, p));
const logit = (p: number): number => Math.log(clamp(p) / (1 - clamp(p)));
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** The served probability: the raw model probability, recalibrated when the artifact carries a calibration. */
export function applyCalibration(calibration: PlattCalibration | null | undefined, p: number): number {
  return calibration ? sigmoid(calibration.slope * logit(p) + calibration.intercept) : p;
}

/** Largest |mean predicted - observed| over the decile bins, in probability units. */
export function largestCalibrationGap(bins: readonly CalibrationBin[]): number {
  return bins.reduce((m, b) => Math.max(m, Math.abs(b.meanPredicted - b.observedRate)), 0);
}

/** Maximum-likelihood fit of slope and intercept by Newton's method (a two-parameter logistic regression). */
export function fitPlatt(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  fittedOn: string,
): PlattCalibration {
  let slope = 1;
  let intercept = 0;
  const x = Array.from(probabilities, logit);
  for (let iter = 0; iter < 50; iter++) {
    let g0 = 0;
    let g1 = 0;
    let h00 = 0;
    let h01 = 0;
    let h11 = 0;
    for (let i = 0; i < x.length; i++) {
      const q = sigmoid(slope * x[i] + intercept);
      const r = q - labels[i];
      const w = Math.max(q * (1 - q), 1e-12);
      g0 += r * x[i];
      g1 += r;
      h00 += w * x[i] * x[i];
      h01 += w * x[i];
      h11 += w;
    }
    const det = h00 * h11 - h01 * h01;
    if (Math.abs(det) < 1e-18) {
      break;
    }
    const dSlope = (h11 * g0 - h01 * g1) / det;
    const dIntercept = (h00 * g1 - h01 * g0) / det;
    slope -= dSlope;
    intercept -= dIntercept;
    if (Math.abs(dSlope) + Math.abs(dIntercept) < 1e-10) {
      break;
    }
  }
  return { method: 'platt', slope, intercept, fittedOn };
}
