import { psiOfShares, scoreBaseline } from './psi.metrics';

/**
 * One feature's training distribution, kept with the model so serving can measure drift:
 * decile bins of its present values and a separate share for missing (non-finite) values.
 */
export interface FeatureBaseline {
  feature: string;
  /** Inner cut points; bin k holds edges[k-1] <= x < edges[k]. */
  edges: number[];
  /** Share of ALL training rows in each bin (present values only). */
  proportions: number[];
  /** Share of training rows where the feature was missing. */
  missingShare: number;
}

/** A period's values against a feature baseline: bins then the missing share, as PSI sees them. */
export interface FeatureDistribution {
  /** Shares per bin then the missing share last (sums to 1). */
  shares: number[];
  missingShare: number;
  /** Distinct present values (counted up to 2: enough to tell a constant feature). */
  distinctPresent: number;
  psi: number;
}

/** Decile baselines of every column of a training matrix. */
export function featureBaselines(names: readonly string[], rows: readonly ArrayLike<number>[]): FeatureBaseline[] {
  return names.map((feature, j) =>
    featureBaseline(
      feature,
      rows.map((r) => r[j]),
    ),
  );
}

export function featureBaseline(feature: string, values: readonly number[], bins = 10): FeatureBaseline {
  const present = values.filter(Number.isFinite);
  const { edges, proportions } = scoreBaseline(present, bins);
  const presentShare = present.length / Math.max(1, values.length);
  return {
    feature,
    edges,
    proportions: proportions.map((p) => p * presentShare),
    missingShare: values.length === 0 ? 0 : 1 - presentShare,
  };
}

/** Bins `values` like the baseline (missing = non-finite or null) and measures its PSI against it. */
export function featureDistribution(
  baseline: FeatureBaseline,
  values: readonly (number | null)[],
): FeatureDistribution {
  const counts = new Array<number>(baseline.edges.length + 2).fill(0);
  let first: number | undefined;
  let distinctPresent = 0;
  for (const x of values) {
    if (x === null || !Number.isFinite(x)) {
      counts[counts.length - 1]++;
      continue;
    }
    if (first === undefined) {
      first = x;
      distinctPresent = 1;
    } else if (distinctPresent === 1 && x !== first) {
      distinctPresent = 2;
    }
    counts[binOf(baseline.edges, x)]++;
  }
  const shares = counts.map((c) => c / Math.max(1, values.length));
  return {
    shares,
    missingShare: shares[shares.length - 1],
    distinctPresent,
    psi: psiOfShares([...baseline.proportions, baseline.missingShare], shares),
  };
}

/** The bin of a value: the number of inner edges at or below it. */
export function binOf(edges: readonly number[], x: number): number {
  let k = 0;
  while (k < edges.length && x >= edges[k]) {
    k++;
  }
  return k;
}
