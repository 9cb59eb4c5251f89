import { SeededRandom } from '../common/seeded-random';
import type { MonotoneConstraint } from './gbm-params';
import type { TreeEnsembleModel } from './tree-ensemble.model';

/** A probability-of-default scorer over a row-major float32 matrix (ONNX Runtime, the serving session, ...). */
export type BatchScorer = (matrix: Float32Array, rows: number) => Promise<ArrayLike<number>>;

export interface MonotoneViolation {
  feature: number;
  applicant: number;
  from: number;
  to: number;
  pdFrom: number;
  pdTo: number;
}

/**
 * Values of a feature that reach every region the trees distinguish: each split threshold and
 * the largest float32 below it (`x < threshold` sends that one left), ascending.
 */
export function splitGrid(model: TreeEnsembleModel, feature: number): number[] {
  const values = new Set<number>();
  for (const tree of model.trees) {
    tree.feature.forEach((f, node) => {
      if (f === feature) {
        values.add(tree.threshold[node]);
        values.add(float32Below(tree.threshold[node]));
      }
    });
  }
  return [...values].sort((a, b) => a - b);
}

/** Seeded applicants whose every feature is drawn from that feature's grid (0 where it has none). */
export function gridApplicants(grids: readonly (readonly number[])[], count: number, seed: number): Float64Array[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, () =>
    Float64Array.from(grids, (grid) => (grid.length === 0 ? 0 : grid[random.int(grid.length)])),
  );
}

/**
 * Moves each constrained feature of each applicant up its grid, the rest held fixed, and
 * returns every step where the scored PD moves against the constraint (+1: falls, -1: rises).
 */
export async function findMonotoneViolations(
  score: BatchScorer,
  applicants: readonly ArrayLike<number>[],
  constraints: readonly MonotoneConstraint[],
  grids: readonly (readonly number[])[],
): Promise<MonotoneViolation[]> {
  const violations: MonotoneViolation[] = [];
  const width = grids.length;
  for (let f = 0; f < width; f++) {
    const constraint = constraints[f] ?? 0;
    const grid = grids[f];
    if (constraint === 0 || grid.length < 2) {
      continue;
    }
    const matrix = new Float32Array(applicants.length * grid.length * width);
    applicants.forEach((applicant, a) =>
      grid.forEach((value, g) => {
        const offset = (a * grid.length + g) * width;
        matrix.set(Array.from(applicant), offset);
        matrix[offset + f] = value;
      }),
    );
    const pd = await score(matrix, applicants.length * grid.length);
    for (let a = 0; a < applicants.length; a++) {
      for (let g = 1; g < grid.length; g++) {
        const [before, after] = [pd[a * grid.length + g - 1], pd[a * grid.length + g]];
        if (constraint > 0 ? after < before : after > before) {
          violations.push({ feature: f, applicant: a, from: grid[g - 1], to: grid[g], pdFrom: before, pdTo: after });
        }
      }
    }
  }
  return violations;
}

/** The largest float32 strictly below a float32 value. */
export function float32Below(value: number): number {
  if (value === 0) {
    return -1.401298464324817e-45;
  }
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, value);
  const bits = view.getUint32(0);
  view.setUint32(0, value > 0 ? bits - 1 : bits + 1);
  return view.getFloat32(0);
}
