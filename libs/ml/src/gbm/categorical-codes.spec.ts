/**
 * @jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs
 */
import type { Dataset } from '../common/dataset';
import { SeededRandom } from '../common/seeded-random';
import { OnnxScorer, toFloat32Matrix } from '../onnx/onnx.scorer';
import { exportTreeEnsembleToOnnx } from '../onnx/tree-ensemble-onnx.exporter';
import { GradientBoostingTrainer } from './gradient-boosting.trainer';
import { predictLogit, sigmoid } from './tree-ensemble.model';

/**
 * Feature 0 is a category coded 0..11 by training default rate (the CSV trainer's coding), NaN
 * for a blank or unseen category; feature 1 is numeric. Codes 8 and up are the risky categories.
 */
function codedDataset(rows: number, seed: number): Dataset {
  const random = new SeededRandom(seed);
  const data: Dataset = { featureNames: ['category', 'amount'], rows: [], labels: new Uint8Array(rows) };
  for (let i = 0; i < rows; i++) {
    const code = random.int(12);
    const amount = random.next() * 10;
    const z = (code >= 8 ? 1.5 : -1) + 0.2 * (amount - 5);
    data.labels[i] = random.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    data.rows.push(Float64Array.from([random.next() < 0.1 ? NaN : code, amount]));
  }
  return data;
}

describe('categorical codes in the GBM', () => {
  const model = new GradientBoostingTrainer({ nTrees: 60, maxDepth: 4, seed: 4 }).train(
    codedDataset(1500, 1),
    codedDataset(500, 2),
  ).model;

  it('should split a coded category between codes so that each split is a partition of the categories', () => {
    const thresholds = model.trees.flatMap((t) => t.threshold.filter((_, n) => t.feature[n] === 0));
    expect(thresholds.length).toBeGreaterThan(0);
    thresholds.forEach((th) => expect(Number.isInteger(th)).toBe(false));
  });

  it('should match onnxruntime-node within 1e-5 on every code, a blank and an unseen category', async () => {
    const rows = [...Array.from({ length: 12 }, (_, code) => code), NaN].flatMap((code) =>
      [0.5, 5, 9.5].map((amount) => Float64Array.from([code, amount])),
    );
    const scorer = await OnnxScorer.create(exportTreeEnsembleToOnnx(model), 2);
    const onnx = await scorer.scoreBatch(toFloat32Matrix(rows, 2), rows.length);
    await scorer.release();
    rows.forEach((row, i) => expect(Math.abs(onnx[i] - sigmoid(predictLogit(model, row)))).toBeLessThan(1e-5));
    // The risky codes score higher than the safe ones at the same amount.
    expect(sigmoid(predictLogit(model, [10, 5]))).toBeGreaterThan(sigmoid(predictLogit(model, [2, 5])));
  });
});
