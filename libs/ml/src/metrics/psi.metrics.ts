/** A score distribution kept with the model so drift can be measured later (PSI). */
export interface ScoreBaseline {
  /** Inner cut points on the probability scale; bin k holds edges[k-1] <= p < edges[k]. */
  edges: number[];
  proportions: number[];
}

/** Decile edges of the baseline scores and the share of scores in each bin. */
export function scoreBaseline(scores: ArrayLike<number>, bins = 10): ScoreBaseline {
  const sorted = Float64Array.from(scores).sort();
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) {
    const edge = sorted[Math.floor((k * sorted.length) / bins)];
    if (edges.length === 0 || edge > edges[edges.length - 1]) {
      edges.push(edge);
    }
  }
  return { edges, proportions: binProportions(scores, edges) };
}

export function binProportions(scores: ArrayLike<number>, edges: number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (let i = 0; i < scores.length; i++) {
    let k = 0;
    while (k < edges.length && scores[i] >= edges[k]) {
      k++;
    }
    counts[k]++;
  }
  return counts.map((c) => c / Math.max(1, scores.length));
}

/**
 * Population stability index of new scores against the baseline:
 * sum (actual - expected) * ln(actual / expected); empty bins get a 1e-4 floor.
 */
export function psi(baseline: ScoreBaseline, scores: ArrayLike<number>): number {
  return psiOfShares(baseline.proportions, binProportions(scores, baseline.edges));
}

/** PSI of two share vectors over the same bins: sum (a - e) * ln(a / e), empty bins floored at 1e-4. */
export function psiOfShares(expected: readonly number[], actual: readonly number[]): number {
  return expected.reduce((sum, share, k) => {
    const e = Math.max(share, 1e-4);
    const a = Math.max(actual[k] ?? 0, 1e-4);
    return sum + (a - e) * Math.log(a / e);
  }, 0);
}
