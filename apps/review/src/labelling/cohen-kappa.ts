export interface KappaResult {
  /** Number of rated pairs. */
  n: number;
  /** Share of pairs where both raters gave the same category. */
  observed: number;
  /** Agreement expected by chance from each rater's category shares. */
  expected: number;
  /**
   * (observed - expected) / (1 - expected); null when undefined: no pairs, or chance agreement
   * is already total (both raters used one and the same category throughout), where the
   * ratio is 0/0 and any number would be made up.
   */
  kappa: number | null;
}

/** Cohen's kappa for two raters: each pair is (rater A's category, rater B's category) for one item. */
export function cohensKappa(pairs: readonly (readonly [string, string])[]): KappaResult {
  const n = pairs.length;
  if (n === 0) {
    return { n, observed: 0, expected: 0, kappa: null };
  }
  const sharesA = new Map<string, number>();
  const sharesB = new Map<string, number>();
  let agreed = 0;
  for (const [a, b] of pairs) {
    sharesA.set(a, (sharesA.get(a) ?? 0) + 1 / n);
    sharesB.set(b, (sharesB.get(b) ?? 0) + 1 / n);
    agreed += a === b ? 1 : 0;
  }
  const observed = agreed / n;
  let expected = 0;
  for (const [category, share] of sharesA) {
    expected += share * (sharesB.get(category) ?? 0);
  }
  const kappa = 1 - expected < 1e-12 ? null : (observed - expected) / (1 - expected);
  return { n, observed, expected, kappa };
}
