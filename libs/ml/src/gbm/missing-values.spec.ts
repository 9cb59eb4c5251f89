/**
 * @jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs
 */
import { TreeShapExplainer } from '../explain/tree-shap.explainer';
import { OnnxScorer, toFloat32Matrix } from '../onnx/onnx.scorer';
import { exportTreeEnsembleToOnnx } from '../onnx/tree-ensemble-onnx.exporter';
import { withMissingCells } from '../testing/missing-cells';
import { syntheticDataset } from '../testing/synthetic-dataset';
import type { GbmParams, MonotoneConstraint } from './gbm-params';
import { GradientBoostingTrainer } from './gradient-boosting.trainer';
import { findMonotoneViolations, gridApplicants, splitGrid } from './monotonicity.probe';
import { TreeEnsembleEvaluator } from './tree-ensemble.evaluator';
import { predictLogit, sigmoid } from './tree-ensemble.model';

const PARAMS: Partial<GbmParams> = { nTrees: 80, maxDepth: 4, maxLeaves: 12, seed: 9 };
/** x0..x3 blank at random; x4 is in addition blank on 60% of the bad rows, so its blanks carry signal. */
const blank = (rows: number, seed: number) =>
  withMissingCells(syntheticDataset(rows, seed), {
    features: [0, 1, 2, 3],
    share: 0.2,
    seed: seed + 100,
    informative: { feature: 4, share: 0.6 },
  });

describe('missing values in the GBM', () => {
  const train = blank(1500, 1);
  const validation = blank(500, 2);
  const test = blank(500, 3);
  const width = train.featureNames.length;
  const model = new GradientBoostingTrainer(PARAMS).train(train, validation).model;
  const nanRows = test.rows.filter((r) => r.some((x) => Number.isNaN(x)));

  it('should raise the score of rows whose informative feature is missing when missingness predicts the label', () => {
    const mean = (rows: Float64Array[]) => rows.reduce((s, r) => s + predictLogit(model, r), 0) / rows.length;
    const missing = test.rows.filter((r) => Number.isNaN(r[4]));
    const present = test.rows.filter((r) => !Number.isNaN(r[4]));
    expect(mean(missing) - mean(present)).toBeGreaterThan(1);
    expect(model.trees.some((t) => t.missingLeft.some((m, n) => m === 1 && t.feature[n] === 4))).toBe(true);
  });

  it('should match onnxruntime-node within 1e-5 on rows with NaN features when exported to ONNX', async () => {
    expect(nanRows.length).toBeGreaterThan(200);
    const scorer = await OnnxScorer.create(exportTreeEnsembleToOnnx(model), width);
    const onnx = await scorer.scoreBatch(toFloat32Matrix(nanRows, width), nanRows.length);
    await scorer.release();
    const evaluator = new TreeEnsembleEvaluator(model);
    nanRows.forEach((row, i) => {
      const own = sigmoid(predictLogit(model, row));
      expect(Math.abs(onnx[i] - own)).toBeLessThan(1e-5);
      expect(evaluator.probability(row)).toBe(own);
    });
  });

  it('should make contributions plus base value equal the logit when explaining rows with NaN features', () => {
    const explainer = new TreeShapExplainer(model);
    for (const row of nanRows.slice(0, 100)) {
      const { baseValue, contributions } = explainer.explain(row);
      const total = contributions.reduce((s, c) => s + c, baseValue);
      expect(Math.abs(total - predictLogit(model, row))).toBeLessThan(1e-6);
    }
  });

  it('should send missing values to the child with the larger cover at nodes that saw none in training', () => {
    const complete = new GradientBoostingTrainer(PARAMS).train(syntheticDataset(1500, 1)).model;
    for (const tree of complete.trees) {
      tree.feature.forEach((f, n) => {
        if (f >= 0) {
          expect(tree.missingLeft[n]).toBe(tree.cover[tree.left[n]] >= tree.cover[tree.right[n]] ? 1 : 0);
        }
      });
    }
  });

  it('should keep monotone constraints when trained on data with missing values', async () => {
    const constraints: MonotoneConstraint[] = [1, -1, 1, 0, 0, 0];
    const constrained = new GradientBoostingTrainer({ ...PARAMS, monotoneConstraints: constraints }).train(
      train,
      validation,
    ).model;
    const grids = train.featureNames.map((_, f) => splitGrid(constrained, f));
    const applicants = gridApplicants(grids, 200, 7).map((row, i) => {
      // Other features missing as in the data: the guarantee holds whatever they are.
      if (i % 2 === 0) {
        row[3] = NaN;
        row[4] = NaN;
      }
      return row;
    });
    const evaluator = new TreeEnsembleEvaluator(constrained);
    const violations = await findMonotoneViolations(
      (matrix) => Promise.resolve(evaluator.probabilities(matrix, width)),
      applicants,
      constraints,
      grids,
    );
    expect(grids[2].length).toBeGreaterThan(0);
    expect(violations).toEqual([]);
  });
});
