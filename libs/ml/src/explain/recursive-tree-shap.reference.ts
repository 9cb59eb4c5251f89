import type { RegressionTree, TreeEnsembleModel } from '../gbm/tree-ensemble.model';
import { type Explanation, hotChild, treeExpectedValue } from './tree-shap.explainer';

/**
 * The path of unique features from the root, stored flat: each recursion level copies its
 * parent's path to the next slice (as in the reference C++ implementation), so no allocation.
 */
class PathBuffer {
  readonly feature: Int32Array;
  readonly zero: Float64Array;
  readonly one: Float64Array;
  readonly weight: Float64Array;

  constructor(maxDepth: number) {
    const size = ((maxDepth + 2) * (maxDepth + 3)) / 2;
    this.feature = new Int32Array(size);
    this.zero = new Float64Array(size);
    this.one = new Float64Array(size);
    this.weight = new Float64Array(size);
  }

  copy(from: number, to: number, count: number): void {
    this.feature.copyWithin(to, from, from + count);
    this.zero.copyWithin(to, from, from + count);
    this.one.copyWithin(to, from, from + count);
    this.weight.copyWithin(to, from, from + count);
  }
}

/**
 * Path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, Algorithm 2) as published: exact Shapley
 * values of the ensemble's logit in O(leaves x depth^2) per tree. Serving uses the faster
 * `TreeShapExplainer`; this one stays as the independent reference its tests compare against.
 */
export class RecursiveTreeShapExplainer {
  private readonly baseValue: number;
  private readonly path: PathBuffer;

  constructor(private readonly model: TreeEnsembleModel) {
    this.baseValue = model.trees.reduce((sum, tree) => sum + treeExpectedValue(tree), model.baseScore);
    this.path = new PathBuffer(Math.max(0, ...model.trees.map((t) => treeDepth(t, 0))));
  }

  explain(row: ArrayLike<number>): Explanation {
    const phi = new Float64Array(this.model.featureNames.length);
    for (const tree of this.model.trees) {
      new TreeWalk(tree, row, phi, this.path).recurse(0, 0, 0, 1, 1, -1);
    }
    return { baseValue: this.baseValue, contributions: phi };
  }
}

class TreeWalk {
  constructor(
    private readonly tree: RegressionTree,
    private readonly row: ArrayLike<number>,
    private readonly phi: Float64Array,
    private readonly p: PathBuffer,
  ) {}

  /** `depth` is the unique-path depth; this level's path lives right after its parent's. */
  recurse(node: number, parentOffset: number, depth: number, zero: number, one: number, feature: number): void {
    const { tree, p } = this;
    const at = parentOffset + depth + 1;
    p.copy(parentOffset, at, depth + 1);
    this.extend(at, depth, zero, one, feature);
    const split = tree.feature[node];
    if (split < 0) {
      for (let i = 1; i <= depth; i++) {
        this.phi[p.feature[at + i]] +=
          unwoundSum(p, at, depth, i) * (p.one[at + i] - p.zero[at + i]) * tree.value[node];
      }
      return;
    }
    const hot = hotChild(tree, node, this.row[split]);
    const cold = hot === tree.left[node] ? tree.right[node] : tree.left[node];
    let incomingZero = 1;
    let incomingOne = 1;
    let uniqueDepth = depth;
    let k = 0;
    while (k <= uniqueDepth && p.feature[at + k] !== split) {
      k++;
    }
    if (k <= uniqueDepth) {
      incomingZero = p.zero[at + k]!;
      incomingOne = p.one[at + k]!;
      unwind(p, at, uniqueDepth, k);
      uniqueDepth--;
    }
    const cover = tree.cover[node];
    this.recurse(hot, at, uniqueDepth + 1, (incomingZero * tree.cover[hot]) / cover, incomingOne, split);
    this.recurse(cold, at, uniqueDepth + 1, (incomingZero * tree.cover[cold]) / cover, 0, split);
  }

  private extend(at: number, depth: number, zero: number, one: number, feature: number): void {
    const p = this.p;
    p.feature[at + depth] = feature;
    p.zero[at + depth] = zero;
    p.one[at + depth] = one;
    p.weight[at + depth] = depth === 0 ? 1 : 0;
    for (let i = depth - 1; i >= 0; i--) {
      p.weight[at + i + 1] += (one * p.weight[at + i] * (i + 1)) / (depth + 1);
      p.weight[at + i] = (zero * p.weight[at + i] * (depth - i)) / (depth + 1);
    }
  }
}

/** Removes element k from the path at `at` (length depth + 1), undoing its extend. */
function unwind(p: PathBuffer, at: number, depth: number, k: number): void {
  const one = p.one[at + k];
  const zero = p.zero[at + k];
  let next = p.weight[at + depth];
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = p.weight[at + i];
      p.weight[at + i] = (next * (depth + 1)) / ((i + 1) * one);
      next = tmp - (p.weight[at + i] * zero * (depth - i)) / (depth + 1);
    } else {
      p.weight[at + i] = (p.weight[at + i] * (depth + 1)) / (zero * (depth - i));
    }
  }
  for (let i = k; i < depth; i++) {
    p.feature[at + i] = p.feature[at + i + 1]!;
    p.zero[at + i] = p.zero[at + i + 1]!;
    p.one[at + i] = p.one[at + i + 1]!;
  }
}

/** Total weight of the path with element k unwound, without modifying it. */
function unwoundSum(p: PathBuffer, at: number, depth: number, k: number): number {
  const one = p.one[at + k];
  const zero = p.zero[at + k];
  let next = p.weight[at + depth];
  let total = 0;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const w = (next * (depth + 1)) / ((i + 1) * one);
      total += w;
      next = p.weight[at + i] - (w * zero * (depth - i)) / (depth + 1);
    } else {
      total += (p.weight[at + i] * (depth + 1)) / (zero * (depth - i));
    }
  }
  return total;
}

function treeDepth(tree: RegressionTree, node: number): number {
  return tree.feature[node] < 0 ? 0 : 1 + Math.max(treeDepth(tree, tree.left[node]), treeDepth(tree, tree.right[node]));
}
