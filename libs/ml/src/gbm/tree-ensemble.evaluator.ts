import { sigmoid, type TreeEnsembleModel } from './tree-ensemble.model';

/**
 * Plain-TypeScript scorer for a tree ensemble, packed into one set of flat arrays for speed.
 * Same float32 comparison as ONNX BRANCH_LT and the same default direction for a missing value
 * (NaN), so results agree with ONNX Runtime.
 */
export class TreeEnsembleEvaluator {
  private readonly roots: Int32Array;
  private readonly feature: Int32Array;
  private readonly threshold: Float32Array;
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  private readonly value: Float64Array;
  private readonly missingLeft: Uint8Array;
  private readonly baseScore: number;

  constructor(model: TreeEnsembleModel) {
    const total = model.trees.reduce((n, t) => n + t.feature.length, 0);
    this.roots = new Int32Array(model.trees.length);
    this.feature = new Int32Array(total);
    this.threshold = new Float32Array(total);
    this.left = new Int32Array(total);
    this.right = new Int32Array(total);
    this.value = new Float64Array(total);
    this.missingLeft = new Uint8Array(total);
    this.baseScore = model.baseScore;
    let offset = 0;
    model.trees.forEach((tree, t) => {
      this.roots[t] = offset;
      this.feature.set(tree.feature, offset);
      this.threshold.set(tree.threshold, offset);
      this.left.set(
        tree.left.map((c) => c + offset),
        offset,
      );
      this.right.set(
        tree.right.map((c) => c + offset),
        offset,
      );
      this.value.set(tree.value, offset);
      this.missingLeft.set(tree.missingLeft, offset);
      offset += tree.feature.length;
    });
  }

  logit(row: ArrayLike<number>): number {
    return this.logitAt(row, 0);
  }

  /** Logit of the row starting at `offset` in a flat row-major matrix (no subarray per row). */
  private logitAt(data: ArrayLike<number>, offset: number): number {
    let sum = this.baseScore;
    for (let t = 0; t < this.roots.length; t++) {
      let node = this.roots[t];
      while (this.feature[node] >= 0) {
        const x = Math.fround(data[offset + this.feature[node]]);
        const left = Number.isNaN(x) ? this.missingLeft[node] === 1 : x < this.threshold[node];
        node = left ? this.left[node] : this.right[node];
      }
      sum += this.value[node];
    }
    return sum;
  }

  probability(row: ArrayLike<number>): number {
    return sigmoid(this.logit(row));
  }

  /** Probabilities for a row-major [n, featureCount] matrix. */
  probabilities(matrix: Float32Array | Float64Array, featureCount: number): Float64Array {
    const n = matrix.length / featureCount;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      out[i] = sigmoid(this.logitAt(matrix, i * featureCount));
    }
    return out;
  }
}
