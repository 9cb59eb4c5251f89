import { auc, SeededRandom } from '@loanmesh/ml';

/**
 * Percentile 95% interval of AUC(a) - AUC(b) over the same resampled rows (paired: both
 * score sets are drawn with one set of indices). On a 200-row test set a single AUC moves by
 * a few hundredths, so a gap against a 0.005 target needs its interval beside it.
 * Resamples holding one class only are drawn again.
 */
export function pairedBootstrapAucGap(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  labels: ArrayLike<number>,
  resamples: number,
  seed: number,
): { low: number; high: number } {
  if (a.length !== labels.length || b.length !== labels.length) {
    throw new Error('score and label arrays differ in length');
  }
  const n = labels.length;
  const random = new SeededRandom(seed);
  const gaps = new Float64Array(resamples);
  const sa = new Float64Array(n);
  const sb = new Float64Array(n);
  const y = new Uint8Array(n);
  for (let r = 0; r < resamples;) {
    let positives = 0;
    for (let i = 0; i < n; i++) {
      const k = random.int(n);
      sa[i] = a[k];
      sb[i] = b[k];
      y[i] = labels[k];
      positives += labels[k];
    }
    if (positives > 0 && positives < n) {
      gaps[r++] = auc(sa, y) - auc(sb, y);
    }
  }
  gaps.sort();
  const at = (q: number) => gaps[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))];
  return { low: at(0.025), high: at(0.975) };
}
