import type { RegressionTree, TreeEnsembleModel } from '../gbm/tree-ensemble.model';
import { compileShapTables, type ShapLeafTables } from './tree-shap.tables';

export interface Explanation {
  /** Expected model logit over the training data (tree covers). */
  baseValue: number;
  /** Per-feature contributions in logit units; baseValue + sum = the model's logit. */
  contributions: Float64Array;
}

/**
 * The child a row with value `x` of the node's feature goes to: the one routing decision TreeSHAP
 * makes, kept in one place so a change to the split rule (missing values) is one edit here.
 * Same rule as `leafIndex` and ONNX BRANCH_LT: left when float32(x) < threshold.
 */
export function hotChild(tree: RegressionTree, node: number, x: number): number {
  return Math.fround(x) < tree.threshold[node] ? tree.left[node] : tree.right[node];
}

/** The tree's output averaged over the training data, leaves weighted by cover. */
export function treeExpectedValue(tree: RegressionTree): number {
  let sum = 0;
  for (let n = 0; n < tree.feature.length; n++) {
    if (tree.feature[n] < 0) {
      sum += (tree.value[n] * tree.cover[n]) / tree.cover[0];
    }
  }
  return sum;
}

/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018) of the ensemble's logit, with
 * training covers as background, computed as Fast TreeSHAP v2 (Yang 2021): per-leaf weights
 * are tabulated once per model (`compileShapTables`), so a row costs one comparison per split
 * node and O(depth) per leaf, with no allocation besides the returned contributions.
 */
export class TreeShapExplainer {
  private readonly baseValue: number;
  private readonly tables: ShapLeafTables;
  /** Per node of the tree being explained, the child the row goes to (scratch, reused). */
  private readonly hot: Int32Array;

  constructor(private readonly model: TreeEnsembleModel) {
    this.baseValue = model.trees.reduce((sum, tree) => sum + treeExpectedValue(tree), model.baseScore);
    this.tables = compileShapTables(model.trees);
    this.hot = new Int32Array(this.tables.maxNodes);
  }

  explain(row: ArrayLike<number>): Explanation {
    const phi = new Float64Array(this.model.featureNames.length);
    const trees = this.model.trees;
    for (let t = 0; t < trees.length; t++) {
      const tree = trees[t];
      for (let n = 0; n < tree.feature.length; n++) {
        const split = tree.feature[n];
        if (split >= 0) {
          this.hot[n] = hotChild(tree, n, row[split]);
        }
      }
      for (let leaf = this.tables.treeLeafStart[t]; leaf < this.tables.treeLeafStart[t + 1]; leaf++) {
        this.addLeaf(leaf, phi);
      }
    }
    return { baseValue: this.baseValue, contributions: phi };
  }

  /** Adds one leaf's share to every feature on its path (the formula in `ShapLeafTables`). */
  private addLeaf(leaf: number, phi: Float64Array): void {
    const { stepStart, stepNode, stepChild, stepBit, uniqueStart, uniqueFeature, uniqueZero, weights } = this.tables;
    let cold = 0;
    for (let s = stepStart[leaf]; s < stepStart[leaf + 1]; s++) {
      if (this.hot[stepNode[s]] !== stepChild[s]) {
        cold |= stepBit[s];
      }
    }
    const u = uniqueStart[leaf];
    const d = uniqueStart[leaf + 1] - u;
    let coldZero = 1;
    for (let j = 0; j < d; j++) {
      if (cold & (1 << j)) {
        coldZero *= uniqueZero[u + j];
      }
    }
    const w = this.tables.weightStart[leaf];
    const hotSet = ((1 << d) - 1) ^ cold;
    const coldShare = cold === 0 ? 0 : coldZero * weights[w + hotSet];
    for (let j = 0; j < d; j++) {
      const bit = 1 << j;
      phi[uniqueFeature[u + j]] +=
        cold & bit ? -coldShare : (1 - uniqueZero[u + j]) * coldZero * weights[w + (hotSet ^ bit)];
    }
  }
}
