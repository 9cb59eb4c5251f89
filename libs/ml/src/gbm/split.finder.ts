import type { GbmParams } from './gbm-params';
import type { Histogram } from './histogram';
import { boundedWeight, constraintOf, type LeafBounds, nodeScore, respectsConstraint } from './leaf-bounds';

export interface Split {
  feature: number;
  /** Value bins 0..bin go left. */
  bin: number;
  /** Where missing values (the feature's missing bin) go. */
  missingLeft: boolean;
  gain: number;
  /** Bounded Newton weights of the children (before the learning rate), for their bounds. */
  leftWeight: number;
  rightWeight: number;
}

type SplitParams = Pick<GbmParams, 'lambda' | 'gamma' | 'minChildWeight' | 'monotoneConstraints'>;

interface Candidate {
  feature: number;
  bin: number;
  missingLeft: boolean;
  left: { grad: number; hess: number };
}

/**
 * Best histogram split over the sampled features, or null when nothing beats gamma. Children
 * are scored with weights clamped to the node's bounds; a split on a monotone feature whose
 * child weights go the wrong way is not admissible.
 *
 * Missing values (the bin after the value bins, `binCounts[f]`) are tried on both sides of
 * every threshold and the better side is kept, as XGBoost and LightGBM learn a default
 * direction. When the node's rows have no missing value of the feature, missing values are sent
 * to the child with the larger hessian cover (scikit-learn's rule: the likelier side). Unlike
 * scikit-learn there is no "missing or not" split (all values one way, missing the other): on
 * German credit with random blanks it lowered the cross-validated AUC (docs/model.md).
 */
export function findBestSplit(
  hist: Histogram,
  features: number[],
  binCounts: number[],
  totals: { grad: number; hess: number },
  bounds: LeafBounds,
  params: SplitParams,
): Split | null {
  const parentScore = nodeScore(totals.grad, totals.hess, params.lambda, bounds);
  let best: Split | null = null;
  const consider = (c: Candidate): void => {
    const split = scoreCandidate(c, totals, bounds, params, parentScore);
    if (split && (best === null || split.gain > best.gain)) {
      best = split;
    }
  };
  for (const f of features) {
    const offset = f * hist.binsPerFeature;
    const gm = hist.grad[offset + binCounts[f]];
    const hm = hist.hess[offset + binCounts[f]];
    const hasMissing = hist.count[offset + binCounts[f]] > 0;
    let gl = 0;
    let hl = 0;
    for (let b = 0; b < binCounts[f] - 1; b++) {
      gl += hist.grad[offset + b];
      hl += hist.hess[offset + b];
      if (!hasMissing) {
        const missingLeft = hl >= totals.hess - hl;
        consider({ feature: f, bin: b, missingLeft, left: { grad: gl, hess: hl } });
        continue;
      }
      consider({ feature: f, bin: b, missingLeft: false, left: { grad: gl, hess: hl } });
      consider({ feature: f, bin: b, missingLeft: true, left: { grad: gl + gm, hess: hl + hm } });
    }
  }
  return best;
}

function scoreCandidate(
  c: Candidate,
  totals: { grad: number; hess: number },
  bounds: LeafBounds,
  params: SplitParams,
  parentScore: number,
): Split | null {
  const { lambda } = params;
  const { grad: gl, hess: hl } = c.left;
  const hr = totals.hess - hl;
  if (hl < params.minChildWeight || hr < params.minChildWeight) {
    return null;
  }
  const gr = totals.grad - gl;
  const leftWeight = boundedWeight(gl, hl, lambda, bounds);
  const rightWeight = boundedWeight(gr, hr, lambda, bounds);
  const constraint = constraintOf(params.monotoneConstraints, c.feature);
  if (!respectsConstraint(constraint, leftWeight, rightWeight)) {
    return null;
  }
  const gain = 0.5 * (nodeScore(gl, hl, lambda, bounds) + nodeScore(gr, hr, lambda, bounds) - parentScore);
  if (gain - params.gamma <= 1e-12) {
    return null;
  }
  return { feature: c.feature, bin: c.bin, missingLeft: c.missingLeft, gain, leftWeight, rightWeight };
}
