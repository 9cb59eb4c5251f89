import { goesLeft, type RegressionTree, type TreeEnsembleModel } from '../gbm/tree-ensemble.model';
import { compileShapTables, type ShapTables } from './tree-shap.tables';

export interface Explanation {
  /** Expected model logit over the training data (tree covers). */
  baseValue: number;
  /** Per-feature contributions in logit units; baseValue + sum = the model's logit. */
  contributions: Float64Array;
}

/**
 * The child a row with value `x` of the node's feature goes to: the one routing decision TreeSHAP
 * makes, kept in one place so a change to the split rule (missing values) is one edit here.
 * Same rule as `leafIndex` and ONNX BRANCH_LT (`goesLeft`): left when float32(x) < threshold; a
 * missing value (NaN) follows the node's learned default direction.
 */
export function hotChild(tree: RegressionTree, node: number, x: number): number {
  return goesLeft(tree, node, x) ? tree.left[node] : tree.right[node];
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
 * are tabulated once per model (`compileShapTables`), so a row costs one routing decision per
 * split and one table read per feature on each leaf's path, with no allocation besides the
 * returned contributions.
 */
export class TreeShapExplainer {
  private readonly baseValue: number;
  private readonly tables: ShapTables;
  /** Per node of the tree being explained, the path features on which the row leaves the path (scratch). */
  private readonly cold: Int32Array;

  constructor(private readonly model: TreeEnsembleModel) {
    this.baseValue = model.trees.reduce((sum, tree) => sum + treeExpectedValue(tree), model.baseScore);
    this.tables = compileShapTables(model.trees);
    this.cold = new Int32Array(this.tables.maxNodes);
  }

  explain(row: ArrayLike<number>): Explanation {
    const phi = new Float64Array(this.model.featureNames.length);
    const trees = this.model.trees;
    const { treeLeafStart, leafNode, uniqueStart, uniqueFeature, uniqueOdds, tableStart, table } = this.tables;
    const cold = this.cold;
    for (let t = 0; t < trees.length; t++) {
      this.markCold(trees[t], t, row);
      // each leaf's share to every feature on its path (the formula in `ShapTables`)
      for (let leaf = treeLeafStart[t]; leaf < treeLeafStart[t + 1]; leaf++) {
        const u = uniqueStart[leaf];
        const d = uniqueStart[leaf + 1] - u;
        const leafCold = cold[leafNode[leaf]];
        const k = tableStart[leaf];
        const hotSet = ((1 << d) - 1) ^ leafCold;
        const coldShare = table[k + hotSet];
        for (let j = 0; j < d; j++) {
          const bit = 1 << j;
          phi[uniqueFeature[u + j]] += leafCold & bit ? -coldShare : uniqueOdds[u + j] * table[k + (hotSet ^ bit)];
        }
      }
    }
    return { baseValue: this.baseValue, contributions: phi };
  }

  /** Top-down, each node's set of path features the row does not follow (pre-order: parents first). */
  private markCold(tree: RegressionTree, t: number, row: ArrayLike<number>): void {
    const { splitStart, splitOrder, splitBit } = this.tables;
    const cold = this.cold;
    cold[0] = 0;
    for (let s = splitStart[t]; s < splitStart[t + 1]; s++) {
      const node = splitOrder[s];
      const left = tree.left[node];
      const right = tree.right[node];
      const hot = hotChild(tree, node, row[tree.feature[node]]);
      cold[left] = hot === left ? cold[node] : cold[node] | splitBit[s];
      cold[right] = hot === right ? cold[node] : cold[node] | splitBit[s];
    }
  }
}
