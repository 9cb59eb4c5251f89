/**
 * @jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs
 */
import { ScorecardExplainer } from '../explain/scorecard.explainer';
import { auc } from '../metrics/ranking.metrics';
import { OnnxScorer, toFloat32Matrix } from '../onnx/onnx.scorer';
import { exportScorecardToOnnx } from '../onnx/scorecard-onnx.exporter';
import { syntheticDataset } from '../testing/synthetic-dataset';
import { scorecardLogit, scorecardPoints } from './scorecard.model';
import { ScorecardTrainer } from './scorecard.trainer';
import { fitWoeBinning } from './woe-binning';

describe(ScorecardTrainer.name, () => {
  const train = syntheticDataset(2000, 11);
  const test = syntheticDataset(500, 12);
  const model = new ScorecardTrainer().train(train);
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

  it('should rank well above chance when the label depends on the features', () => {
    expect(
      auc(
        test.rows.map((r) => scorecardLogit(model, r)),
        test.labels,
      ),
    ).toBeGreaterThan(0.75);
  });

  it('should produce monotone WoE when a feature has a monotone relation to risk', () => {
    const term = model.terms.find((t) => t.name === 'x0')!;
    expect(term.woe.length).toBeGreaterThan(2);
    term.woe.slice(1).forEach((w, k) => expect(w).toBeGreaterThan(term.woe[k]));
  });

  it('should merge bins until monotone when bad rates zig-zag', () => {
    const values = Float64Array.from({ length: 400 }, (_, i) => i % 4);
    const labels = Uint8Array.from({ length: 400 }, (_, i) =>
      [0.1, 0.5, 0.2, 0.6][i % 4] * 10 > (i >> 2) % 10 ? 1 : 0,
    );
    const binning = fitWoeBinning(values, labels, { initialBins: 10, minBinShare: 0.05 });
    binning.woe.slice(1).forEach((w, k) => expect(w).toBeGreaterThanOrEqual(binning.woe[k]));
    expect(binning.woe.length).toBeLessThan(4);
  });

  it('should explain exactly when contributions are added to the base value', () => {
    const explainer = new ScorecardExplainer(model);
    for (const row of test.rows.slice(0, 100)) {
      const { baseValue, contributions } = explainer.explain(row);
      expect(Math.abs(contributions.reduce((s, c) => s + c, baseValue) - scorecardLogit(model, row))).toBeLessThan(
        1e-9,
      );
    }
  });

  it('should turn the logit into points on the PDO scale when scoring', () => {
    const row = test.rows[0];
    const factor = 20 / Math.LN2;
    expect(scorecardPoints(model, row)).toBeCloseTo(
      600 - factor * Math.log(50) - factor * scorecardLogit(model, row),
      6,
    );
  });

  it('should match onnxruntime-node within 1e-5 on every test row when exported to ONNX', async () => {
    const scorer = await OnnxScorer.create(exportScorecardToOnnx(model), train.featureNames.length);
    const onnx = await scorer.scoreBatch(toFloat32Matrix(test.rows, train.featureNames.length), test.rows.length);
    test.rows.forEach((row, i) => expect(Math.abs(onnx[i] - sigmoid(scorecardLogit(model, row)))).toBeLessThan(1e-5));
    await scorer.release();
  });
});
