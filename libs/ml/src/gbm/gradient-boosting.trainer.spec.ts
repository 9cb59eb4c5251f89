/**
 * @jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs
 */
import { TreeShapExplainer } from '../explain/tree-shap.explainer';
import { auc } from '../metrics/ranking.metrics';
import { OnnxScorer, toFloat32Matrix } from '../onnx/onnx.scorer';
import { exportTreeEnsembleToOnnx } from '../onnx/tree-ensemble-onnx.exporter';
import { syntheticDataset } from '../testing/synthetic-dataset';
import { GradientBoostingTrainer } from './gradient-boosting.trainer';
import { TreeEnsembleEvaluator } from './tree-ensemble.evaluator';
import { predictLogit, sigmoid } from './tree-ensemble.model';

describe(GradientBoostingTrainer.name, () => {
  const train = syntheticDataset(1500, 1);
  const validation = syntheticDataset(500, 2);
  const test = syntheticDataset(500, 3);
  const result = new GradientBoostingTrainer({ nTrees: 80, maxDepth: 4, maxLeaves: 12, seed: 9 }).train(
    train,
    validation,
  );

  it('should learn a ranking well above chance when the label depends on the features', () => {
    const scores = test.rows.map((r) => predictLogit(result.model, r));
    expect(auc(scores, test.labels)).toBeGreaterThan(0.8);
  });

  it('should produce identical trees when trained twice with the same seed', () => {
    const again = new GradientBoostingTrainer({ nTrees: 80, maxDepth: 4, maxLeaves: 12, seed: 9 }).train(
      train,
      validation,
    );
    expect(again.model.trees.map((t) => Array.from(t.value))).toEqual(
      result.model.trees.map((t) => Array.from(t.value)),
    );
  });

  it('should respect depth and leaf limits when growing trees', () => {
    for (const tree of result.model.trees) {
      expect(tree.feature.filter((f) => f < 0).length).toBeLessThanOrEqual(12);
      expect(depth(tree.left, tree.right, 0)).toBeLessThanOrEqual(4);
    }
  });

  it('should stop early and keep the best iteration when validation loss stops improving', () => {
    const long = new GradientBoostingTrainer({
      nTrees: 2000,
      learningRate: 0.3,
      earlyStoppingRounds: 10,
      seed: 9,
    }).train(train, validation);
    expect(long.validationLogLoss.length).toBeLessThan(2000);
    expect(long.treesKept).toBe(long.validationLogLoss.length - 10);
  });

  it('should match onnxruntime-node within 1e-5 on every test row when exported to ONNX', async () => {
    const scorer = await OnnxScorer.create(exportTreeEnsembleToOnnx(result.model), train.featureNames.length);
    const onnx = await scorer.scoreBatch(toFloat32Matrix(test.rows, train.featureNames.length), test.rows.length);
    const evaluator = new TreeEnsembleEvaluator(result.model);
    test.rows.forEach((row, i) => {
      const own = sigmoid(predictLogit(result.model, row));
      expect(Math.abs(onnx[i] - own)).toBeLessThan(1e-5);
      expect(evaluator.probability(row)).toBe(own);
    });
    expect(await scorer.score(test.rows[0])).toBeCloseTo(onnx[0], 7);
    await scorer.release();
  });

  it('should make contributions plus base value equal the logit when explained by TreeSHAP', () => {
    const explainer = new TreeShapExplainer(result.model);
    for (const row of test.rows.slice(0, 50)) {
      const { baseValue, contributions } = explainer.explain(row);
      const total = contributions.reduce((s, c) => s + c, baseValue);
      expect(Math.abs(total - predictLogit(result.model, row))).toBeLessThan(1e-6);
    }
  });
});

function depth(left: Int32Array, right: Int32Array, node: number): number {
  return left[node] < 0 ? 0 : 1 + Math.max(depth(left, right, left[node]), depth(left, right, right[node]));
}
