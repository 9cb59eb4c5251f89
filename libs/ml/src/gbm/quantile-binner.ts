/**
 * Histogram binning for the tree learner. Thresholds are float32 data values, so a split
 * "bin <= s" is exactly "float32(x) < thresholds[s]" both here and in ONNX Runtime. Missing
 * values (NaN) are left out of the cut points and get a bin of their own after the value bins
 * (`missingBin`), so the split finder can send them either way.
 */
export class QuantileBinner {
  readonly thresholds: Float32Array[];

  private constructor(thresholds: Float32Array[]) {
    this.thresholds = thresholds;
  }

  static fit(rows: Float64Array[], featureCount: number, maxBins: number): QuantileBinner {
    if (maxBins > 255) {
      // Bins are bytes and the missing bin comes after the last value bin.
      throw new Error(`maxBins ${maxBins} is above 255`);
    }
    const thresholds: Float32Array[] = [];
    for (let f = 0; f < featureCount; f++) {
      const values = Float32Array.from(rows, (r) => r[f])
        .filter((v) => !Number.isNaN(v))
        .sort();
      thresholds.push(cutPoints(values, maxBins));
    }
    return new QuantileBinner(thresholds);
  }

  /** Bin of a missing value of feature f: one past its last value bin. */
  missingBin(f: number): number {
    return this.thresholds[f].length + 1;
  }

  /** Column-major bin indices, one Uint8Array per feature. */
  transform(rows: Float64Array[]): Uint8Array[] {
    return this.thresholds.map((cuts, f) =>
      Uint8Array.from(rows, (r) => {
        const x = Math.fround(r[f]);
        return Number.isNaN(x) ? cuts.length + 1 : binOf(cuts, x);
      }),
    );
  }
}

export function cutPoints(sorted: Float32Array, maxBins: number): Float32Array {
  const distinct = distinctValues(sorted, maxBins);
  if (distinct) {
    return distinct.slice(1);
  }
  const cuts: number[] = [];
  const n = sorted.length;
  for (let q = 1; q < maxBins; q++) {
    const v = sorted[Math.floor((q * n) / maxBins)];
    if (v !== undefined && v > sorted[0] && v !== cuts[cuts.length - 1]) {
      cuts.push(v);
    }
  }
  return Float32Array.from(cuts);
}

/** All distinct values when there are at most maxBins of them (keeps rare categories). */
function distinctValues(sorted: Float32Array, maxBins: number): Float32Array | null {
  const out: number[] = [];
  for (const v of sorted) {
    if (out.length === 0 || v !== out[out.length - 1]) {
      out.push(v);
      if (out.length > maxBins) {
        return null;
      }
    }
  }
  return Float32Array.from(out);
}

/** Number of thresholds <= x (binary search). */
export function binOf(cuts: Float32Array, x: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cuts[mid] <= x) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}
