import { SeededRandom } from '../common/seeded-random';

/** A 95% percentile interval. */
export type Interval = [lo: number, hi: number];

export interface PairedBootstrapOptions {
  approvalRate: number;
  resamples?: number;
  seed?: number;
}

export interface SideIntervals {
  auc: Interval;
  badRateAtApproval: Interval;
}

/** Intervals of two models scored on the same rows, and of their paired differences. */
export interface PairedBootstrap {
  resamples: number;
  seed: number;
  a: SideIntervals;
  b: SideIntervals;
  /** AUC of b minus AUC of a. */
  aucGain: Interval;
  /** Bad rate among approved of a minus that of b, in percentage points (positive = b approves fewer bads). */
  badRateReductionPp: Interval;
}

/**
 * Paired bootstrap on one test set: each resample draws rows with replacement once and scores
 * both models on that same draw, so the difference's interval carries the pairing.
 */
export function pairedBootstrap(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  labels: ArrayLike<number>,
  options: PairedBootstrapOptions,
): PairedBootstrap {
  const resamples = options.resamples ?? 1000;
  const seed = options.seed ?? 42;
  const random = new SeededRandom(seed);
  const n = labels.length;
  const orderA = ascending(a);
  const orderB = ascending(b);
  const draws: Record<'aucA' | 'aucB' | 'badA' | 'badB', number[]> = { aucA: [], aucB: [], badA: [], badB: [] };
  const weights = new Float64Array(n);
  for (let r = 0; r < resamples; r++) {
    weights.fill(0);
    for (let i = 0; i < n; i++) {
      weights[random.int(n)] += 1;
    }
    draws.aucA.push(weightedAuc(a, labels, weights, orderA));
    draws.aucB.push(weightedAuc(b, labels, weights, orderB));
    draws.badA.push(weightedBadRate(labels, weights, orderA, options.approvalRate));
    draws.badB.push(weightedBadRate(labels, weights, orderB, options.approvalRate));
  }
  return {
    resamples,
    seed,
    a: { auc: interval(draws.aucA), badRateAtApproval: interval(draws.badA) },
    b: { auc: interval(draws.aucB), badRateAtApproval: interval(draws.badB) },
    aucGain: interval(draws.aucB.map((x, i) => x - draws.aucA[i])),
    badRateReductionPp: interval(draws.badA.map((x, i) => 100 * (x - draws.badB[i]))),
  };
}

function ascending(p: ArrayLike<number>): Uint32Array {
  return Uint32Array.from({ length: p.length }, (_, i) => i).sort((x, y) => p[x] - p[y]);
}

/** 2.5th and 97.5th percentiles (nearest rank). */
export function interval(values: number[]): Interval {
  const sorted = [...values].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
  return [at(0.025), at(0.975)];
}

/** AUC over weighted rows (weight = times drawn), ties counted half, in one pass over the sorted order. */
export function weightedAuc(
  p: ArrayLike<number>,
  labels: ArrayLike<number>,
  weights: ArrayLike<number>,
  order: ArrayLike<number>,
): number {
  let negativesBelow = 0;
  let pairs = 0;
  let positives = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    let tiePos = 0;
    let tieNeg = 0;
    while (j < order.length && p[order[j]] === p[order[i]]) {
      const k = order[j];
      if (labels[k] === 1) {
        tiePos += weights[k];
      } else {
        tieNeg += weights[k];
      }
      j++;
    }
    pairs += tiePos * (negativesBelow + 0.5 * tieNeg);
    positives += tiePos;
    negativesBelow += tieNeg;
    i = j;
  }
  return positives === 0 || negativesBelow === 0 ? 0.5 : pairs / (positives * negativesBelow);
}

/** Bad rate among the lowest-risk `approvalRate` share of the weighted rows (the boundary row taken in part). */
export function weightedBadRate(
  labels: ArrayLike<number>,
  weights: ArrayLike<number>,
  order: ArrayLike<number>,
  approvalRate: number,
): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    total += weights[i];
  }
  const target = Math.round(total * approvalRate);
  let taken = 0;
  let bads = 0;
  for (let i = 0; i < order.length && taken < target; i++) {
    const k = order[i];
    const w = Math.min(weights[k], target - taken);
    taken += w;
    bads += w * labels[k];
  }
  return taken === 0 ? 0 : bads / taken;
}
