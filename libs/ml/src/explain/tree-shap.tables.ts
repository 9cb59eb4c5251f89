import type { RegressionTree } from '../gbm/tree-ensemble.model';

/** A leaf's table has 2^d entries for d distinct features on its path; 2^16 doubles is 512 KiB. */
export const MAX_PATH_FEATURES = 16;

/**
 * An ensemble compiled once per model into flat arrays for Fast TreeSHAP v2 (Yang 2021).
 * A leaf with value v whose path splits on the distinct features U (d of them), each with zero
 * fraction z_j (the product of the cover ratios of its splits on the path), contributes to
 * feature i, when the row follows the path on the features H and leaves it on C = U \ H:
 *   i in H: v (1 - z_i) Z_C G(H \ {i}),   i in C: -v Z_C G(H),
 * where Z_C is the product of z over C and G(X) = sum over S subset of X of
 * |S|! (d - |S| - 1)! / d! times the product of z over X \ S. That is the Shapley sum of
 * Lundberg's Algorithm 2 regrouped, so the result is the same. With K(X) = v G(X) times the
 * product of z over U \ X, tabulated here for every X, the two cases read
 *   i in H: K(H \ {i}) (1 - z_i) / z_i,   i in C: -K(H),
 * so a row costs one table read per feature on each leaf's path.
 */
export interface ShapTables {
  /** Per tree t, its split nodes in pre-order are splitOrder[splitStart[t] .. splitStart[t + 1]). */
  splitStart: Int32Array;
  splitOrder: Int32Array;
  /** Per split (same index as splitOrder), the bit of its feature among the path's distinct features. */
  splitBit: Int32Array;
  /** Per tree t, its leaves are [treeLeafStart[t], treeLeafStart[t + 1]). */
  treeLeafStart: Int32Array;
  /** Per leaf: its node in the tree, its distinct features' range, where its 2^d table begins. */
  leafNode: Int32Array;
  uniqueStart: Int32Array;
  tableStart: Int32Array;
  /** Per distinct feature of a leaf: the feature index and (1 - z) / z. */
  uniqueFeature: Int32Array;
  uniqueOdds: Float64Array;
  /** K(X) for every subset X of each leaf's features, indexed by bit mask. */
  table: Float64Array;
  /** The largest node count of any tree, for the per-row scratch array. */
  maxNodes: number;
}

interface CompiledTree {
  splits: { node: number; bit: number }[];
  leaves: { node: number; features: number[]; zeros: number[]; value: number }[];
}

export function compileShapTables(trees: readonly RegressionTree[]): ShapTables {
  const compiled = trees.map((tree) => compileTree(tree));
  const splits = compiled.flatMap((c) => c.splits);
  const leaves = compiled.flatMap((c) => c.leaves);
  const uniqueCount = leaves.reduce((sum, l) => sum + l.features.length, 0);
  const t: ShapTables = {
    splitStart: prefixSums(compiled.map((c) => c.splits.length)),
    splitOrder: Int32Array.from(splits, (s) => s.node),
    splitBit: Int32Array.from(splits, (s) => s.bit),
    treeLeafStart: prefixSums(compiled.map((c) => c.leaves.length)),
    leafNode: Int32Array.from(leaves, (l) => l.node),
    uniqueStart: prefixSums(leaves.map((l) => l.features.length)),
    tableStart: prefixSums(leaves.map((l) => 1 << l.features.length)),
    uniqueFeature: new Int32Array(uniqueCount),
    uniqueOdds: new Float64Array(uniqueCount),
    table: new Float64Array(leaves.reduce((sum, l) => sum + (1 << l.features.length), 0)),
    maxNodes: Math.max(1, ...trees.map((tree) => tree.feature.length)),
  };
  leaves.forEach((leaf, l) => {
    t.uniqueFeature.set(leaf.features, t.uniqueStart[l]);
    t.uniqueOdds.set(
      leaf.zeros.map((z) => (1 - z) / z),
      t.uniqueStart[l],
    );
    t.table.set(leafTable(leaf.zeros, leaf.value), t.tableStart[l]);
  });
  return t;
}

/** Pre-order walk: each split's feature bit, each leaf's distinct features and zero fractions. */
function compileTree(tree: RegressionTree): CompiledTree {
  const out: CompiledTree = { splits: [], leaves: [] };
  const walk = (node: number, features: number[], zeros: number[]) => {
    const split = tree.feature[node];
    if (split < 0) {
      if (features.length > MAX_PATH_FEATURES) {
        throw new Error(`TreeSHAP tables allow at most ${MAX_PATH_FEATURES} distinct features on a path`);
      }
      out.leaves.push({ node, features, zeros, value: tree.value[node] });
      return;
    }
    const known = features.indexOf(split);
    const pos = known < 0 ? features.length : known;
    out.splits.push({ node, bit: 1 << pos });
    for (const child of [tree.left[node], tree.right[node]]) {
      const ratio = tree.cover[child] / tree.cover[node];
      if (!(ratio > 0)) {
        // (1 - z) / z needs z > 0; a trained tree's child always holds some hessian
        throw new Error(`TreeSHAP needs a positive cover at node ${child}`);
      }
      const childZeros = known < 0 ? [...zeros, ratio] : zeros.map((z, j) => (j === pos ? z * ratio : z));
      walk(child, known < 0 ? [...features, split] : features, childZeros);
    }
  };
  walk(0, [], []);
  return out;
}

/** K(X) = v G(X) times the product of z outside X, for every bit mask X of the d features. */
function leafTable(zeros: readonly number[], value: number): Float64Array {
  const d = zeros.length;
  const shapleyWeight = Array.from({ length: d }, (_, k) => (factorial(k) * factorial(d - k - 1)) / factorial(d));
  const out = new Float64Array(1 << d);
  // elementary[m]: sum over the m-subsets of X of the product of their z
  const elementary = new Float64Array(d + 1);
  for (let mask = 0; mask < 1 << d; mask++) {
    elementary.fill(0);
    elementary[0] = 1;
    let size = 0;
    let outside = 1;
    for (let j = 0; j < d; j++) {
      if (mask & (1 << j)) {
        size++;
        for (let m = size; m >= 1; m--) {
          elementary[m] += elementary[m - 1] * zeros[j];
        }
      } else {
        outside *= zeros[j];
      }
    }
    let g = 0;
    // |S| = d would need i outside S with S = U, which never happens; K(U) is never read
    for (let k = 0; k <= Math.min(size, d - 1); k++) {
      g += shapleyWeight[k] * elementary[size - k];
    }
    out[mask] = value * g * outside;
  }
  return out;
}

function prefixSums(counts: readonly number[]): Int32Array {
  const out = new Int32Array(counts.length + 1);
  counts.forEach((c, i) => (out[i + 1] = out[i] + c));
  return out;
}

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}
