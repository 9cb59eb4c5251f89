import type { RegressionTree } from '../gbm/tree-ensemble.model';

/** A leaf's table has 2^d entries for d distinct features on its path; 2^16 doubles is 512 KiB. */
export const MAX_PATH_FEATURES = 16;

/**
 * Every leaf of an ensemble, compiled once per model into flat arrays for Fast TreeSHAP v2
 * (Yang 2021). A leaf with value v whose path splits on the distinct features U (d of them),
 * each with zero fraction z_j (product of the cover ratios of its splits), contributes to
 * feature i, when the row follows the path on the features H and leaves it on C = U \ H:
 *   i in H: v (1 - z_i) Z_C G(H \ {i}),   i in C: -v Z_C G(H),
 * where Z_C is the product of z over C and G(X) = sum over S subset of X of
 * |S|! (d - |S| - 1)! / d! times the product of z over X \ S. That is the Shapley sum of
 * Lundberg's Algorithm 2 regrouped, so the result is the same; only G depends on the leaf
 * alone, so it is tabulated here (times v) for every X, and a row costs O(d) per leaf.
 */
export interface ShapLeafTables {
  /** Per tree t, its leaves are [treeLeafStart[t], treeLeafStart[t + 1]). */
  treeLeafStart: Int32Array;
  /** Per leaf, its path's split steps are [stepStart[l], stepStart[l + 1]). */
  stepStart: Int32Array;
  /** Per leaf, its distinct features are [uniqueStart[l], uniqueStart[l + 1]). */
  uniqueStart: Int32Array;
  /** Per leaf, where its 2^d weights begin. */
  weightStart: Int32Array;
  /** Per step: the split node, the child the path takes, and the bit of the step's feature. */
  stepNode: Int32Array;
  stepChild: Int32Array;
  stepBit: Int32Array;
  /** Per distinct feature of a leaf: the feature index and its zero fraction z. */
  uniqueFeature: Int32Array;
  uniqueZero: Float64Array;
  /** v G(X) for every subset X of the leaf's features, indexed by bit mask. */
  weights: Float64Array;
  /** The largest node count of any tree, for the per-row scratch array. */
  maxNodes: number;
}

interface LeafPath {
  steps: { node: number; child: number; bit: number }[];
  features: number[];
  zeros: number[];
  value: number;
}

export function compileShapTables(trees: readonly RegressionTree[]): ShapLeafTables {
  const perTree = trees.map((tree) => leafPaths(tree));
  const leaves = perTree.flat();
  const count = (f: (l: LeafPath) => number) => leaves.reduce((sum, l) => sum + f(l), 0);
  const t: ShapLeafTables = {
    treeLeafStart: new Int32Array(trees.length + 1),
    stepStart: new Int32Array(leaves.length + 1),
    uniqueStart: new Int32Array(leaves.length + 1),
    weightStart: new Int32Array(leaves.length),
    stepNode: new Int32Array(count((l) => l.steps.length)),
    stepChild: new Int32Array(count((l) => l.steps.length)),
    stepBit: new Int32Array(count((l) => l.steps.length)),
    uniqueFeature: new Int32Array(count((l) => l.features.length)),
    uniqueZero: new Float64Array(count((l) => l.features.length)),
    weights: new Float64Array(count((l) => 1 << l.features.length)),
    maxNodes: Math.max(1, ...trees.map((tree) => tree.feature.length)),
  };
  perTree.forEach((paths, i) => (t.treeLeafStart[i + 1] = t.treeLeafStart[i] + paths.length));
  let weightAt = 0;
  leaves.forEach((leaf, l) => {
    const s = t.stepStart[l];
    const u = t.uniqueStart[l];
    leaf.steps.forEach((step, k) => {
      t.stepNode[s + k] = step.node;
      t.stepChild[s + k] = step.child;
      t.stepBit[s + k] = step.bit;
    });
    t.uniqueFeature.set(leaf.features, u);
    t.uniqueZero.set(leaf.zeros, u);
    t.weightStart[l] = weightAt;
    t.weights.set(subsetWeights(leaf.zeros, leaf.value), weightAt);
    weightAt += 1 << leaf.features.length;
    t.stepStart[l + 1] = s + leaf.steps.length;
    t.uniqueStart[l + 1] = u + leaf.features.length;
  });
  return t;
}

/** Every root-to-leaf path, with repeated features on a path merged as Algorithm 2 merges them. */
function leafPaths(tree: RegressionTree): LeafPath[] {
  const out: LeafPath[] = [];
  const walk = (node: number, steps: { node: number; child: number; feature: number; ratio: number }[]) => {
    const split = tree.feature[node];
    if (split >= 0) {
      for (const child of [tree.left[node], tree.right[node]]) {
        walk(child, [...steps, { node, child, feature: split, ratio: tree.cover[child] / tree.cover[node] }]);
      }
      return;
    }
    const features: number[] = [];
    const zeros: number[] = [];
    const bits = steps.map((step) => {
      let pos = features.indexOf(step.feature);
      if (pos < 0) {
        pos = features.push(step.feature) - 1;
        zeros.push(1);
      }
      zeros[pos] *= step.ratio;
      return { node: step.node, child: step.child, bit: 1 << pos };
    });
    if (features.length > MAX_PATH_FEATURES) {
      throw new Error(`TreeSHAP tables support at most ${MAX_PATH_FEATURES} distinct features on a path`);
    }
    out.push({ steps: bits, features, zeros, value: tree.value[node] });
  };
  walk(0, []);
  return out;
}

/** v G(X) for every subset X (bit mask) of the leaf's d features; G(all d) is never read. */
function subsetWeights(zeros: readonly number[], value: number): Float64Array {
  const d = zeros.length;
  const shapleyWeight = Array.from({ length: d }, (_, k) => (factorial(k) * factorial(d - k - 1)) / factorial(d));
  const out = new Float64Array(1 << d);
  const elementary = new Float64Array(d + 1);
  for (let mask = 0; mask < 1 << d; mask++) {
    // elementary[m] = sum over the m-subsets of X of the product of their z
    elementary.fill(0);
    elementary[0] = 1;
    let size = 0;
    for (let j = 0; j < d; j++) {
      if (mask & (1 << j)) {
        size++;
        for (let m = size; m >= 1; m--) {
          elementary[m] += elementary[m - 1] * zeros[j];
        }
      }
    }
    let g = 0;
    for (let k = 0; k <= Math.min(size, d - 1); k++) {
      g += shapleyWeight[k] * elementary[size - k];
    }
    out[mask] = value * g;
  }
  return out;
}

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}
