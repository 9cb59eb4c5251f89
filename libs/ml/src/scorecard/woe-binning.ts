import { binOf, cutPoints } from '../gbm/quantile-binner';

export interface BinCounts {
  good: number;
  bad: number;
}

/** Bins of one feature: bin b holds edges[b-1] <= float32(x) < edges[b]. */
export interface WoeBinning {
  edges: number[];
  counts: BinCounts[];
  /** ln(share of all bads / share of all goods) per bin: positive means riskier than average. */
  woe: number[];
  informationValue: number;
}

export interface WoeBinningOptions {
  initialBins: number;
  /** Bins holding fewer rows than this share are merged into a neighbour. */
  minBinShare: number;
}

/**
 * Quantile bins, then merges: too-small bins first, then adjacent pairs that break a monotone
 * bad-rate trend (the trend's sign comes from the data), so WoE is monotone in the feature.
 */
export function fitWoeBinning(values: ArrayLike<number>, labels: Uint8Array, options: WoeBinningOptions): WoeBinning {
  const sorted = Float32Array.from(values).sort();
  let edges = Array.from(cutPoints(sorted, options.initialBins));
  let counts = countBins(values, labels, edges);
  ({ edges, counts } = mergeSmall(edges, counts, options.minBinShare * values.length));
  ({ edges, counts } = mergeNonMonotone(edges, counts));
  return withWoe(edges, counts);
}

function countBins(values: ArrayLike<number>, labels: Uint8Array, edges: number[]): BinCounts[] {
  const cuts = Float32Array.from(edges);
  const counts = Array.from({ length: edges.length + 1 }, () => ({ good: 0, bad: 0 }));
  for (let i = 0; i < values.length; i++) {
    const bin = counts[binOf(cuts, Math.fround(values[i]))];
    if (labels[i] === 1) {
      bin.bad++;
    } else {
      bin.good++;
    }
  }
  return counts;
}

interface Bins {
  edges: number[];
  counts: BinCounts[];
}

/** Merges bin b with bin b+1 (dropping the edge between them). */
function merge(bins: Bins, b: number): Bins {
  const counts = [...bins.counts];
  counts.splice(b, 2, { good: counts[b].good + counts[b + 1].good, bad: counts[b].bad + counts[b + 1].bad });
  const edges = [...bins.edges];
  edges.splice(b, 1);
  return { edges, counts };
}

const size = (c: BinCounts) => c.good + c.bad;
const badRate = (c: BinCounts) => c.bad / Math.max(1, size(c));

function mergeSmall(edges: number[], counts: BinCounts[], minRows: number): Bins {
  let bins = { edges, counts };
  for (;;) {
    const b = bins.counts.findIndex((c) => size(c) < minRows || c.good === 0 || c.bad === 0);
    if (b < 0 || bins.counts.length <= 1) {
      return bins;
    }
    const towardsNext = b === 0 || (b < bins.counts.length - 1 && size(bins.counts[b + 1]) < size(bins.counts[b - 1]));
    bins = merge(bins, towardsNext ? b : b - 1);
  }
}

function mergeNonMonotone(edges: number[], counts: BinCounts[]): Bins {
  let bins = { edges, counts };
  const first = badRate(counts[0]);
  const last = badRate(counts[counts.length - 1]);
  const increasing = last >= first;
  for (;;) {
    // Equal neighbours merge too: a step with no change in risk adds nothing but noise.
    const b = bins.counts.findIndex((c, k) => {
      const next = bins.counts[k + 1];
      return next !== undefined && (increasing ? badRate(next) <= badRate(c) : badRate(next) >= badRate(c));
    });
    if (b < 0) {
      return bins;
    }
    bins = merge(bins, b);
  }
}

function withWoe(edges: number[], counts: BinCounts[]): WoeBinning {
  const totalBad = counts.reduce((s, c) => s + c.bad, 0);
  const totalGood = counts.reduce((s, c) => s + c.good, 0);
  let informationValue = 0;
  const woe = counts.map((c) => {
    // +0.5 smoothing keeps WoE finite for a bin with no goods or no bads.
    const badShare = (c.bad + 0.5) / (totalBad + 0.5);
    const goodShare = (c.good + 0.5) / (totalGood + 0.5);
    informationValue += (badShare - goodShare) * Math.log(badShare / goodShare);
    return Math.log(badShare / goodShare);
  });
  return { edges, counts, woe, informationValue };
}

export function woeOf(binning: Pick<WoeBinning, 'edges' | 'woe'>, x: number): number {
  const fx = Math.fround(x);
  let b = 0;
  while (b < binning.edges.length && fx >= binning.edges[b]) {
    b++;
  }
  return binning.woe[b];
}
