/** Gradient and hessian sums and row counts per (feature, bin) for the rows of one node. */
export class Histogram {
  readonly grad: Float64Array;
  readonly hess: Float64Array;
  /** Exact under subtraction, unlike the float sums: tells an empty missing bin from rounding. */
  readonly count: Int32Array;

  constructor(
    readonly featureCount: number,
    readonly binsPerFeature: number,
  ) {
    this.grad = new Float64Array(featureCount * binsPerFeature);
    this.hess = new Float64Array(featureCount * binsPerFeature);
    this.count = new Int32Array(featureCount * binsPerFeature);
  }

  static build(
    bins: Uint8Array[],
    features: number[],
    rows: Uint32Array,
    grad: Float64Array,
    hess: Float64Array,
    binsPerFeature: number,
  ): Histogram {
    const h = new Histogram(bins.length, binsPerFeature);
    for (const f of features) {
      const column = bins[f];
      const offset = f * binsPerFeature;
      for (let k = 0; k < rows.length; k++) {
        const i = rows[k];
        const slot = offset + column[i];
        h.grad[slot] += grad[i];
        h.hess[slot] += hess[i];
        h.count[slot]++;
      }
    }
    return h;
  }

  /** parent - sibling: the larger child's histogram without touching its rows. */
  minus(sibling: Histogram): Histogram {
    const h = new Histogram(this.featureCount, this.binsPerFeature);
    for (let s = 0; s < this.grad.length; s++) {
      h.grad[s] = this.grad[s] - sibling.grad[s];
      h.hess[s] = this.hess[s] - sibling.hess[s];
      h.count[s] = this.count[s] - sibling.count[s];
    }
    return h;
  }
}
