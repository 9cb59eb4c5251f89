import type { GbmParams } from './gbm-params';
import type { Histogram } from './histogram';
import { boundedWeight, constraintOf, type LeafBounds, nodeScore, respectsConstraint } from './leaf-bounds';

export interface Split {
  feature: number;
  /** Bins 0..bin go left. */
  bin: number;
  gain: number;
  /** Bounded Newton weights of the children (before the learning rate), for their bounds. */
  leftWeight: number;
  rightWeight: number;
}

/**
 * Best histogram split over the sampled features, or null when nothing beats gamma. Children
 * are scored with weights clamped to the node's bounds; a split on a monotone feature whose
 * child weights go the wrong way is not admissible.
 */
export function findBestSplit(
  hist: Histogram,
  features: number[],
  binCounts: number[],
  totals: { grad: number; hess: number },
  bounds: LeafBounds,
  params: Pick<GbmParams, 'lambda' | 'gamma' | 'minChildWeight' | 'monotoneConstraints'>,
): Split | null {
  const { lambda } = params;
  const parentScore = nodeScore(totals.grad, totals.hess, lambda, bounds);
  let best: Split | null = null;
  for (const f of features) {
    const constraint = constraintOf(params.monotoneConstraints, f);
    const offset = f * hist.binsPerFeature;
    let gl = 0;
    let hl = 0;
    for (let b = 0; b < binCounts[f] - 1; b++) {
      gl += hist.grad[offset + b];
      hl += hist.hess[offset + b];
      const hr = totals.hess - hl;
      if (hl < params.minChildWeight || hr < params.minChildWeight) {
        continue;
      }
      const gr = totals.grad - gl;
      const leftWeight = boundedWeight(gl, hl, lambda, bounds);
      const rightWeight = boundedWeight(gr, hr, lambda, bounds);
      if (!respectsConstraint(constraint, leftWeight, rightWeight)) {
        continue;
      }
      const gain = 0.5 * (nodeScore(gl, hl, lambda, bounds) + nodeScore(gr, hr, lambda, bounds) - parentScore);
      if (gain - params.gamma > 1e-12 && (best === null || gain > best.gain)) {
        best = { feature: f, bin: b, gain, leftWeight, rightWeight };
      }
    }
  }
  return best;
}
