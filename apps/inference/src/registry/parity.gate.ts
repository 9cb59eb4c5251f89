import { featureNames, SyntheticHistoryFactory, buildFeatureVector } from '@loanmesh/features';
import { sigmoid } from '@loanmesh/ml';

import type { LoadedModel } from '../scoring/loaded-model';

export const PARITY_TOLERANCE = 1e-5;
const PROBE_ROWS = 256;
const PROBE_SEED = 20240601;

export interface ParityReport {
  rows: number;
  maxAbsDifference: number;
  tolerance: number;
  passed: boolean;
}

/**
 * Scores a fixed, seeded probe set with onnxruntime-node and compares with the trainer's own
 * evaluation of the same model (its trees or scorecard in TypeScript), row by row.
 */
export async function checkLiveParity(model: LoadedModel): Promise<ParityReport> {
  const includeGraph = model.identity.includesGraph;
  const vectors = new SyntheticHistoryFactory(PROBE_SEED)
    .rows(PROBE_ROWS)
    .map((r) => buildFeatureVector(r.input, { includeGraph }));
  const onnx = await model.scoreVectors(vectors);
  let maxAbsDifference = 0;
  vectors.forEach((v, i) => {
    const diff = Math.abs(onnx[i] - sigmoid(model.referenceLogit(v)));
    maxAbsDifference = Number.isNaN(diff) ? Number.POSITIVE_INFINITY : Math.max(maxAbsDifference, diff);
  });
  return {
    rows: vectors.length,
    maxAbsDifference,
    tolerance: PARITY_TOLERANCE,
    passed: maxAbsDifference <= PARITY_TOLERANCE,
  };
}

/** Whether a model's feature names are exactly the served vector (with or without graph features). */
export function servedFeatureLayout(names: readonly string[]): { includesGraph: boolean } | null {
  for (const includeGraph of [true, false]) {
    const expected = featureNames({ includeGraph });
    if (expected.length === names.length && expected.every((n, i) => n === names[i])) {
      return { includesGraph: includeGraph };
    }
  }
  return null;
}
