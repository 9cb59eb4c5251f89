import { type RegressionTree, type TreeEnsembleModel } from '../gbm/tree-ensemble.model';

interface PathElement {
  feature: number;
  zeroFraction: number;
  oneFraction: number;
  weight: number;
}

export interface Explanation {
  /** Expected model logit over the training data (tree covers). */
  baseValue: number;
  /** Per-feature contributions in logit units; baseValue + sum = the model's logit. */
  contributions: Float64Array;
}

/**
 * Path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, Algorithm 2): exact Shapley values of
 * the tree ensemble's logit in O(leaves x depth^2) per tree, with covers as the background.
 */
export class TreeShapExplainer {
  private readonly baseValue: number;

  constructor(private readonly model: TreeEnsembleModel) {
    this.baseValue = model.trees.reduce((sum, tree) => sum + expectedValue(tree), model.baseScore);
  }

  explain(row: ArrayLike<number>): Explanation {
    const phi = new Float64Array(this.model.featureNames.length);
    for (const tree of this.model.trees) {
      recurse(tree, row, phi, 0, [], 1, 1, -1);
    }
    return { baseValue: this.baseValue, contributions: phi };
  }
}

function expectedValue(tree: RegressionTree): number {
  let sum = 0;
  for (let n = 0; n < tree.feature.length; n++) {
    if (tree.feature[n]! < 0) {
      sum += (tree.value[n]! * tree.cover[n]!) / tree.cover[0]!;
    }
  }
  return sum;
}

function recurse(
  tree: RegressionTree, row: ArrayLike<number>, phi: Float64Array, node: number,
  parentPath: PathElement[], zeroFraction: number, oneFraction: number, feature: number,
): void {
  const path = extend(parentPath, zeroFraction, oneFraction, feature);
  const split = tree.feature[node]!;
  if (split < 0) {
    for (let i = 1; i < path.length; i++) {
      const w = unwoundSum(path, i);
      const el = path[i]!;
      phi[el.feature]! += w * (el.oneFraction - el.zeroFraction) * tree.value[node]!;
    }
    return;
  }
  const goesLeft = Math.fround(row[split]!) < tree.threshold[node]!;
  const [hot, cold] = goesLeft ? [tree.left[node]!, tree.right[node]!] : [tree.right[node]!, tree.left[node]!];
  let incomingZero = 1;
  let incomingOne = 1;
  let current = path;
  const k = path.findIndex((el, idx) => idx > 0 && el.feature === split);
  if (k > 0) {
    incomingZero = path[k]!.zeroFraction;
    incomingOne = path[k]!.oneFraction;
    current = unwind(path, k);
  }
  const cover = tree.cover[node]!;
  recurse(tree, row, phi, hot, current, (incomingZero * tree.cover[hot]!) / cover, incomingOne, split);
  recurse(tree, row, phi, cold, current, (incomingZero * tree.cover[cold]!) / cover, 0, split);
}

function extend(parent: PathElement[], zeroFraction: number, oneFraction: number, feature: number): PathElement[] {
  const l = parent.length;
  const path = parent.map((el) => ({ ...el }));
  path.push({ feature, zeroFraction, oneFraction, weight: l === 0 ? 1 : 0 });
  for (let i = l - 1; i >= 0; i--) {
    path[i + 1]!.weight += (oneFraction * path[i]!.weight * (i + 1)) / (l + 1);
    path[i]!.weight = (zeroFraction * path[i]!.weight * (l - i)) / (l + 1);
  }
  return path;
}

/** Removes element i from the path, undoing its extend. */
function unwind(path: PathElement[], i: number): PathElement[] {
  const l = path.length - 1;
  const { oneFraction, zeroFraction } = path[i]!;
  const out = path.slice(0, l).map((el) => ({ ...el }));
  let next = path[l]!.weight;
  for (let j = l - 1; j >= 0; j--) {
    if (oneFraction !== 0) {
      const tmp = out[j]!.weight;
      out[j]!.weight = (next * (l + 1)) / ((j + 1) * oneFraction);
      next = tmp - (out[j]!.weight * zeroFraction * (l - j)) / (l + 1);
    } else {
      out[j]!.weight = (out[j]!.weight * (l + 1)) / (zeroFraction * (l - j));
    }
  }
  for (let j = i; j < l; j++) {
    out[j] = { ...out[j]!, feature: path[j + 1]!.feature, zeroFraction: path[j + 1]!.zeroFraction, oneFraction: path[j + 1]!.oneFraction };
  }
  return out;
}

/** Total weight of the path with element i unwound (without building the new path). */
function unwoundSum(path: PathElement[], i: number): number {
  return unwind(path, i).reduce((sum, el) => sum + el.weight, 0);
}
