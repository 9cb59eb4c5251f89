import type { RegressionTree } from './tree-ensemble.model';

/** Accumulates nodes while a tree grows, then freezes them into flat typed arrays. */
export class TreeBuilder {
  private readonly feature: number[] = [];
  private readonly threshold: number[] = [];
  private readonly left: number[] = [];
  private readonly right: number[] = [];
  private readonly value: number[] = [];
  private readonly cover: number[] = [];
  private readonly gain: number[] = [];
  private readonly missingLeft: number[] = [];
  /** Bin index of each split, to route binned training rows without float compares. */
  readonly splitBin: number[] = [];

  addLeaf(cover: number, value: number): number {
    this.feature.push(-1);
    this.threshold.push(0);
    this.left.push(-1);
    this.right.push(-1);
    this.value.push(value);
    this.cover.push(cover);
    this.gain.push(0);
    this.missingLeft.push(0);
    this.splitBin.push(-1);
    return this.feature.length - 1;
  }

  setValue(node: number, value: number): void {
    this.value[node] = value;
  }

  makeSplit(
    node: number,
    split: { feature: number; threshold: number; bin: number; gain: number; missingLeft: boolean },
    children: [number, number],
  ): void {
    this.feature[node] = split.feature;
    this.missingLeft[node] = split.missingLeft ? 1 : 0;
    this.threshold[node] = split.threshold;
    this.splitBin[node] = split.bin;
    this.gain[node] = split.gain;
    this.left[node] = children[0];
    this.right[node] = children[1];
    this.value[node] = 0;
  }

  /** Leaf reached by a binned row; `missingBins[f]` is feature f's bin for missing values. */
  leafOfBinned(bins: Uint8Array[], missingBins: readonly number[], row: number): number {
    let node = 0;
    while (this.feature[node] >= 0) {
      const f = this.feature[node];
      const bin = bins[f][row];
      const left = bin === missingBins[f] ? this.missingLeft[node] === 1 : bin <= this.splitBin[node];
      node = left ? this.left[node] : this.right[node];
    }
    return node;
  }

  valueAt(node: number): number {
    return this.value[node];
  }

  build(): RegressionTree {
    return {
      feature: Int32Array.from(this.feature),
      threshold: Float32Array.from(this.threshold),
      left: Int32Array.from(this.left),
      right: Int32Array.from(this.right),
      value: Float64Array.from(this.value),
      cover: Float64Array.from(this.cover),
      gain: Float64Array.from(this.gain),
      missingLeft: Uint8Array.from(this.missingLeft),
    };
  }
}
