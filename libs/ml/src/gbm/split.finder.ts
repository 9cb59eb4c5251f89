import type { GbmParams } from './gbm-params';
import type { Histogram } from './histogram';

export interface Split {
  feature: number;
  /** Bins 0..bin go left. */
  bin: number;
  gain: number;
}

/** Best histogram split over the sampled features, or null when nothing beats gamma. */
export function findBestSplit(
  hist: Histogram,
  features: number[],
  binCounts: number[],
  totals: { grad: number; hess: number },
  params: Pick<GbmParams, 'lambda' | 'gamma' | 'minChildWeight'>,
): Split | null {
  const parentScore = (totals.grad * totals.grad) / (totals.hess + params.lambda);
  let best: Split | null = null;
  for (const f of features) {
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
      const gain = 0.5 * ((gl * gl) / (hl + params.lambda) + (gr * gr) / (hr + params.lambda) - parentScore);
      if (gain - params.gamma > 1e-12 && (best === null || gain > best.gain)) {
        best = { feature: f, bin: b, gain };
      }
    }
  }
  return best;
}
