import { SeededRandom } from '../common/seeded-random';
import { interval, type Interval, weightedAuc, weightedBadRate } from './bootstrap.metrics';
import { calibrationByDecile, type CalibrationBin } from './calibration.metrics';

/** A point estimate on all rows and its 95% bootstrap percentile interval. */
export interface Estimate {
  value: number;
  interval: Interval;
}

/** One model judged on observed outcomes; `n` outcomes (`bads` of them defaults) behind every figure. */
export interface OutcomeMetrics {
  n: number;
  bads: number;
  auc: Estimate;
  ks: Estimate;
  badRateAtApproval: Estimate;
  brier: Estimate;
  /** Calibration in the large: mean predicted PD against the observed default rate. */
  expectedDefaultRate: Estimate;
  observedDefaultRate: Estimate;
  calibration: CalibrationBin[];
}

export interface OutcomeBootstrapOptions {
  approvalRate: number;
  resamples?: number;
  seed?: number;
}

export interface OutcomeBootstrap {
  resamples: number;
  seed: number;
  approvalRate: number;
  models: OutcomeMetrics[];
  /** AUC of each model minus the first's (index 0 is 0), on the same draws. */
  aucGainOverFirst: Interval[];
}

type Stat = 'auc' | 'ks' | 'bad' | 'brier' | 'expected' | 'observed';
const STATS: readonly Stat[] = ['auc', 'ks', 'bad', 'brier', 'expected', 'observed'];

/**
 * Several models scored on the same labelled rows, each row drawn with replacement once per
 * resample for all of them (paired), from a seeded generator: the same inputs give the same
 * intervals. Each resample is a weight vector over the rows, so no resample is sorted again.
 */
export function bootstrapOutcomeMetrics(
  models: readonly ArrayLike<number>[],
  labels: ArrayLike<number>,
  options: OutcomeBootstrapOptions,
): OutcomeBootstrap {
  const resamples = options.resamples ?? 1000;
  const seed = options.seed ?? 42;
  const n = labels.length;
  const orders = models.map(ascending);
  const ones = new Float64Array(n).fill(1);
  const point = models.map((p, m) => statsOf(p, labels, ones, orders[m], options.approvalRate));
  const draws = models.map(() => STATS.map(() => [] as number[]));
  const random = new SeededRandom(seed);
  const weights = new Float64Array(n);
  for (let r = 0; r < resamples && n > 0; r++) {
    weights.fill(0);
    for (let i = 0; i < n; i++) {
      weights[random.int(n)] += 1;
    }
    models.forEach((p, m) => {
      statsOf(p, labels, weights, orders[m], options.approvalRate).forEach((v, s) => draws[m][s].push(v));
    });
  }
  const bads = Array.from(labels).reduce((s: number, y) => s + y, 0);
  const estimate = (m: number, s: number): Estimate => ({
    value: point[m][s],
    interval: draws[m][s].length === 0 ? [point[m][s], point[m][s]] : interval(draws[m][s]),
  });
  return {
    resamples,
    seed,
    approvalRate: options.approvalRate,
    models: models.map((p, m) => ({
      n,
      bads,
      auc: estimate(m, 0),
      ks: estimate(m, 1),
      badRateAtApproval: estimate(m, 2),
      brier: estimate(m, 3),
      expectedDefaultRate: estimate(m, 4),
      observedDefaultRate: estimate(m, 5),
      calibration: calibrationByDecile(p, labels),
    })),
    aucGainOverFirst: models.map((_, m) =>
      draws[m][0].length === 0 ? [0, 0] : interval(draws[m][0].map((x, r) => x - draws[0][0][r])),
    ),
  };
}

function statsOf(
  p: ArrayLike<number>,
  labels: ArrayLike<number>,
  weights: ArrayLike<number>,
  order: ArrayLike<number>,
  approvalRate: number,
): number[] {
  return [
    weightedAuc(p, labels, weights, order),
    weightedKs(p, labels, weights, order),
    weightedBadRate(labels, weights, order, approvalRate),
    weightedBrier(p, labels, weights),
    weightedMean(p, weights),
    weightedMean(labels, weights),
  ];
}

function ascending(p: ArrayLike<number>): Uint32Array {
  return Uint32Array.from({ length: p.length }, (_, i) => i).sort((x, y) => p[x] - p[y]);
}

/** Kolmogorov-Smirnov over weighted rows: the largest gap between the bads' and goods' score CDFs, ties kept together. */
export function weightedKs(
  p: ArrayLike<number>,
  labels: ArrayLike<number>,
  weights: ArrayLike<number>,
  order: ArrayLike<number>,
): number {
  let positives = 0;
  let negatives = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === 1) {
      positives += weights[i];
    } else {
      negatives += weights[i];
    }
  }
  if (positives === 0 || negatives === 0) {
    return 0;
  }
  let cumPos = 0;
  let cumNeg = 0;
  let best = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (labels[i] === 1) {
      cumPos += weights[i];
    } else {
      cumNeg += weights[i];
    }
    const lastOfTie = k + 1 === order.length || p[order[k + 1]] !== p[i];
    if (lastOfTie) {
      best = Math.max(best, Math.abs(cumNeg / negatives - cumPos / positives));
    }
  }
  return best;
}

/** Mean squared error of the predicted probability over weighted rows. */
export function weightedBrier(p: ArrayLike<number>, labels: ArrayLike<number>, weights: ArrayLike<number>): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < p.length; i++) {
    sum += weights[i] * (p[i] - labels[i]) ** 2;
    total += weights[i];
  }
  return total === 0 ? 0 : sum / total;
}

function weightedMean(x: ArrayLike<number>, weights: ArrayLike<number>): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    sum += weights[i] * x[i];
    total += weights[i];
  }
  return total === 0 ? 0 : sum / total;
}
