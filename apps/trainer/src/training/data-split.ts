import { SeededRandom } from '@loanmesh/ml';

export interface SplitIndices {
  train: number[];
  validation: number[];
  test: number[];
}

/** Seeded split that keeps the bad rate equal in every part (each class shuffled and cut). */
export function stratifiedSplit(labels: Uint8Array, fractions: [number, number, number], seed: number): SplitIndices {
  const random = new SeededRandom(seed);
  const out: SplitIndices = { train: [], validation: [], test: [] };
  for (const cls of [0, 1]) {
    const members = random.shuffle(indicesWhere(labels, cls));
    const a = Math.round(members.length * fractions[0]);
    const b = a + Math.round(members.length * fractions[1]);
    out.train.push(...members.slice(0, a));
    out.validation.push(...members.slice(a, b));
    out.test.push(...members.slice(b));
  }
  Object.values(out).forEach((part: number[]) => part.sort((x, y) => x - y));
  return out;
}

/** Oldest rows train, then validation, newest test: no peeking into the future. */
export function timeSplit(times: number[], fractions: [number, number, number]): SplitIndices {
  const order = times
    .map((t, i) => ({ t, i }))
    .sort((x, y) => x.t - y.t || x.i - y.i)
    .map((x) => x.i);
  const a = Math.round(order.length * fractions[0]);
  const b = a + Math.round(order.length * fractions[1]);
  return { train: order.slice(0, a), validation: order.slice(a, b), test: order.slice(b) };
}

/** Fold number per row, stratified by class. */
export function stratifiedFolds(labels: Uint8Array, folds: number, seed: number): number[] {
  const random = new SeededRandom(seed);
  const fold = new Array<number>(labels.length).fill(0);
  for (const cls of [0, 1]) {
    random.shuffle(indicesWhere(labels, cls)).forEach((row, k) => (fold[row] = k % folds));
  }
  return fold;
}

function indicesWhere(labels: Uint8Array, cls: number): number[] {
  const out: number[] = [];
  labels.forEach((y, i) => y === cls && out.push(i));
  return out;
}
