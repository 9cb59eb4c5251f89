import type { GbmParams } from './gbm-params';
import { Histogram } from './histogram';
import { boundedWeight, childBounds, constraintOf, type LeafBounds, UNBOUNDED } from './leaf-bounds';
import { findBestSplit, type Split } from './split.finder';
import { TreeBuilder } from './tree.builder';

export interface GrowContext {
  bins: Uint8Array[];
  thresholds: Float32Array[];
  /** Value bins per feature; bin `binCounts[f]` holds the feature's missing values. */
  binCounts: number[];
  maxBinCount: number;
  grad: Float64Array;
  hess: Float64Array;
  features: number[];
  params: GbmParams;
}

interface OpenLeaf {
  node: number;
  rows: Uint32Array;
  depth: number;
  grad: number;
  hess: number;
  hist: Histogram;
  /** Weight range inherited from monotone splits above (unbounded without constraints). */
  bounds: LeafBounds;
  split: Split | null;
}

/**
 * Grows one tree best-first (the leaf with the largest gain splits next, as LightGBM does),
 * bounded by maxLeaves and maxDepth. Leaf values are Newton steps, clamped to the bounds the
 * monotone splits above them set (see leaf-bounds.ts), scaled by the learning rate.
 */
export function growTree(ctx: GrowContext, rows: Uint32Array): TreeBuilder {
  const builder = new TreeBuilder();
  const hist = Histogram.build(ctx.bins, ctx.features, rows, ctx.grad, ctx.hess, ctx.maxBinCount + 1);
  const open = [openLeaf(ctx, builder, rows, 0, hist, UNBOUNDED)];
  for (let leaves = 1; leaves < ctx.params.maxLeaves; leaves++) {
    const best = open.reduce<OpenLeaf | null>(
      (b, l) => (l.split && (!b || l.split.gain > b.split!.gain) ? l : b),
      null,
    );
    if (!best) {
      break;
    }
    open.splice(open.indexOf(best), 1);
    open.push(...splitLeaf(ctx, builder, best));
  }
  for (const leaf of open) {
    builder.setValue(leaf.node, leafValue(leaf, ctx.params));
  }
  return builder;
}

function splitLeaf(ctx: GrowContext, builder: TreeBuilder, leaf: OpenLeaf): OpenLeaf[] {
  const split = leaf.split!;
  const column = ctx.bins[split.feature];
  const missingBin = ctx.binCounts[split.feature];
  const left = (bin: number) => (bin === missingBin ? split.missingLeft : bin <= split.bin);
  const goesLeft = leaf.rows.filter((i) => left(column[i]));
  const goesRight = leaf.rows.filter((i) => !left(column[i]));
  const small = goesLeft.length <= goesRight.length ? goesLeft : goesRight;
  const smallHist = Histogram.build(ctx.bins, ctx.features, small, ctx.grad, ctx.hess, ctx.maxBinCount + 1);
  const largeHist = leaf.hist.minus(smallHist);
  const leftHist = small === goesLeft ? smallHist : largeHist;
  const rightHist = small === goesLeft ? largeHist : smallHist;
  const constraint = constraintOf(ctx.params.monotoneConstraints, split.feature);
  const [leftBounds, rightBounds] = childBounds(leaf.bounds, constraint, split.leftWeight, split.rightWeight);
  const leftLeaf = openLeaf(ctx, builder, goesLeft, leaf.depth + 1, leftHist, leftBounds);
  const rightLeaf = openLeaf(ctx, builder, goesRight, leaf.depth + 1, rightHist, rightBounds);
  const threshold = ctx.thresholds[split.feature][split.bin];
  builder.makeSplit(
    leaf.node,
    { feature: split.feature, bin: split.bin, gain: split.gain, threshold, missingLeft: split.missingLeft },
    [leftLeaf.node, rightLeaf.node],
  );
  return [leftLeaf, rightLeaf];
}

function openLeaf(
  ctx: GrowContext,
  builder: TreeBuilder,
  rows: Uint32Array,
  depth: number,
  hist: Histogram,
  bounds: LeafBounds,
): OpenLeaf {
  let grad = 0;
  let hess = 0;
  for (const i of rows) {
    grad += ctx.grad[i];
    hess += ctx.hess[i];
  }
  const node = builder.addLeaf(hess, 0);
  const split =
    depth < ctx.params.maxDepth
      ? findBestSplit(hist, ctx.features, ctx.binCounts, { grad, hess }, bounds, ctx.params)
      : null;
  return { node, rows, depth, grad, hess, hist, bounds, split };
}

/**
 * Newton step -G/(H+lambda) within the leaf's bounds, rounded to float32 so the ONNX export
 * holds the same number (rounding and the positive learning rate keep the bounds' order).
 */
function leafValue(leaf: OpenLeaf, params: GbmParams): number {
  return Math.fround(boundedWeight(leaf.grad, leaf.hess, params.lambda, leaf.bounds) * params.learningRate);
}
