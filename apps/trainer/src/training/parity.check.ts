import { OnnxScorer, toFloat32Matrix } from '@loanmesh/ml';

export const PARITY_TOLERANCE = 1e-5;

export interface ParityResult {
  rows: number;
  maxAbsDifference: number;
  tolerance: number;
  passed: boolean;
}

/** Scores rows with onnxruntime-node and compares with the trainer's own probabilities. */
export async function checkParity(
  onnx: Uint8Array,
  rows: Float64Array[],
  own: Float64Array,
  featureCount: number,
): Promise<ParityResult> {
  const scorer = await OnnxScorer.create(onnx, featureCount);
  try {
    const scored = await scorer.scoreBatch(toFloat32Matrix(rows, featureCount), rows.length);
    let maxAbsDifference = 0;
    scored.forEach((p, i) => (maxAbsDifference = Math.max(maxAbsDifference, Math.abs(p - own[i]))));
    return {
      rows: rows.length,
      maxAbsDifference,
      tolerance: PARITY_TOLERANCE,
      passed: maxAbsDifference <= PARITY_TOLERANCE,
    };
  } finally {
    await scorer.release();
  }
}
