/**
 * One regression tree in flat arrays. Node 0 is the root; a leaf has feature -1.
 * A row goes left when `float32(x[feature]) < threshold`, the exact rule ONNX BRANCH_LT applies,
 * so the TypeScript and ONNX Runtime evaluations take the same path. A missing value (NaN) goes
 * left when `missingLeft` is 1 at that node, right otherwise (ONNX `nodes_missing_value_tracks_true`).
 */
export interface RegressionTree {
  feature: Int32Array;
  threshold: Float32Array;
  left: Int32Array;
  right: Int32Array;
  /** Leaf output in logit units, already rounded to float32 like the ONNX export. */
  value: Float64Array;
  /** Sum of hessians of the training rows reaching the node (TreeSHAP's cover). */
  cover: Float64Array;
  /** Loss reduction of the split at an internal node; 0 at leaves. */
  gain: Float64Array;
  /** 1 where a missing value (NaN) takes the left branch, 0 where it takes the right; 0 at leaves. */
  missingLeft: Uint8Array;
}

export interface TreeEnsembleModel {
  kind: 'gbm';
  featureNames: string[];
  /** Initial logit added to the sum of the trees. */
  baseScore: number;
  trees: RegressionTree[];
}

/** Leaf index reached by a row. */
export function leafIndex(tree: RegressionTree, row: ArrayLike<number>): number {
  let node = 0;
  while (tree.feature[node] >= 0) {
    node = goesLeft(tree, node, row[tree.feature[node]]) ? tree.left[node] : tree.right[node];
  }
  return node;
}

/** The branch a feature value takes at an internal node: NaN by the node's default direction. */
export function goesLeft(tree: RegressionTree, node: number, value: number): boolean {
  const x = Math.fround(value);
  return Number.isNaN(x) ? tree.missingLeft[node] === 1 : x < tree.threshold[node];
}

/** The ensemble's logit for one row. */
export function predictLogit(model: TreeEnsembleModel, row: ArrayLike<number>): number {
  let sum = model.baseScore;
  for (const tree of model.trees) {
    sum += tree.value[leafIndex(tree, row)];
  }
  return sum;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
