/**
 * @jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs
 */
import { auc } from '../metrics/ranking.metrics';
import { OnnxScorer, toFloat32Matrix } from '../onnx/onnx.scorer';
import { exportTreeEnsembleToOnnx } from '../onnx/tree-ensemble-onnx.exporter';
import { syntheticDataset } from '../testing/synthetic-dataset';
import type { GbmParams, MonotoneConstraint } from './gbm-params';
import { GradientBoostingTrainer } from './gradient-boosting.trainer';
import {
  type BatchScorer,
  findMonotoneViolations,
  float32Below,
  gridApplicants,
  type MonotoneViolation,
  splitGrid,
} from './monotonicity.probe';
import { TreeEnsembleEvaluator } from './tree-ensemble.evaluator';
import type { TreeEnsembleModel } from './tree-ensemble.model';

/**
 * The synthetic label rises with x0, falls with x1, and x2 raises it only when x3 > 0 (lowers it
 * otherwise): declaring x2 as +1 forces the trees against an interaction in the data, which an
 * unconstrained model follows, so the probe has something to find.
 */
const CONSTRAINTS: MonotoneConstraint[] = [1, -1, 1, 0, 0, 0];
const PARAMS: Partial<GbmParams> = { nTrees: 80, maxDepth: 4, maxLeaves: 12, seed: 9 };

describe('monotone constraints', () => {
  const train = syntheticDataset(1500, 1);
  const validation = syntheticDataset(500, 2);
  const test = syntheticDataset(500, 3);
  const width = train.featureNames.length;
  const fit = (constraints: MonotoneConstraint[]) =>
    new GradientBoostingTrainer({ ...PARAMS, monotoneConstraints: constraints }).train(train, validation).model;
  const constrained = fit(CONSTRAINTS);
  const free = fit([]);

  async function onnxViolations(model: TreeEnsembleModel): Promise<MonotoneViolation[]> {
    const scorer = await OnnxScorer.create(exportTreeEnsembleToOnnx(model), width);
    try {
      return await probe(model, (matrix, rows) => scorer.scoreBatch(matrix, rows));
    } finally {
      await scorer.release();
    }
  }

  function probe(model: TreeEnsembleModel, score: BatchScorer, applicants = 300): Promise<MonotoneViolation[]> {
    const grids = train.featureNames.map((_, f) => splitGrid(model, f));
    return findMonotoneViolations(score, gridApplicants(grids, applicants, 7), CONSTRAINTS, grids);
  }

  it('should find violations in the unconstrained model, so the check can fail', async () => {
    const violations = await onnxViolations(free);
    expect(violations.filter((v) => v.feature === 2).length).toBeGreaterThan(0);
  });

  it('should never lower the ONNX PD when a +1 feature rises or raise it when a -1 feature rises', async () => {
    expect(await onnxViolations(constrained)).toEqual([]);
  });

  it('should keep the guarantee in the plain-TypeScript evaluator too', async () => {
    const evaluator = new TreeEnsembleEvaluator(constrained);
    const violations = await probe(
      constrained,
      (matrix) => Promise.resolve(evaluator.probabilities(matrix, width)),
      100,
    );
    expect(violations).toEqual([]);
  });

  it('should still rank well when the constrained directions match the data', async () => {
    const model = fit([1, -1, 0, 0, 0, 0]);
    const scorer = await OnnxScorer.create(exportTreeEnsembleToOnnx(model), width);
    const pd = await scorer.scoreBatch(toFloat32Matrix(test.rows, width), test.rows.length);
    await scorer.release();
    expect(auc(Array.from(pd), test.labels)).toBeGreaterThan(0.8);
  });

  it('should grow exactly the unconstrained trees when every constraint is 0', () => {
    const zeros = fit([0, 0, 0, 0, 0, 0]);
    expect(zeros.trees.map((t) => [Array.from(t.value), Array.from(t.threshold)])).toEqual(
      free.trees.map((t) => [Array.from(t.value), Array.from(t.threshold)]),
    );
  });

  it('should reject a constraint vector longer than the features or with other values than -1, 0, 1', () => {
    const bad = (monotoneConstraints: number[]) => () =>
      new GradientBoostingTrainer({
        ...PARAMS,
        monotoneConstraints: monotoneConstraints as MonotoneConstraint[],
      }).train(train);
    expect(bad([1, 0, 0, 0, 0, 0, 1])).toThrow('7 monotone constraints for 6 features');
    expect(bad([2])).toThrow('monotone constraint of feature 0 is 2');
  });

  it('should step to the float32 just below a threshold, which BRANCH_LT sends left', () => {
    for (const t of [1.5, -2.25, 1e6, -1e6, 0]) {
      const below = float32Below(Math.fround(t));
      expect(below).toBeLessThan(t);
      expect(Math.fround(below)).toBe(below);
      // Nothing representable lies between them.
      expect([below, t]).toContain(Math.fround((below + t) / 2));
    }
  });
});
