import type { Dataset } from '../common/dataset';
import { GradientBoostingTrainer } from '../gbm/gradient-boosting.trainer';
import { predictLogit, type RegressionTree, type TreeEnsembleModel } from '../gbm/tree-ensemble.model';
import { withMissingCells } from '../testing/missing-cells';
import { syntheticDataset } from '../testing/synthetic-dataset';
import { RecursiveTreeShapExplainer } from './recursive-tree-shap.reference';
import { hotChild, TreeShapExplainer } from './tree-shap.explainer';

/** E[f(x) | x_S] as path-dependent TreeSHAP defines it: follow x on S, cover-weighted elsewhere. */
function conditional(tree: RegressionTree, row: Float64Array, known: Set<number>, node = 0): number {
  const f = tree.feature[node];
  if (f < 0) {
    return tree.value[node];
  }
  const [l, r] = [tree.left[node], tree.right[node]];
  if (known.has(f)) {
    return conditional(tree, row, known, hotChild(tree, node, row[f]));
  }
  return (
    (tree.cover[l] * conditional(tree, row, known, l) + tree.cover[r] * conditional(tree, row, known, r)) /
    tree.cover[node]
  );
}

function bruteForceShapley(model: TreeEnsembleModel, row: Float64Array): number[] {
  const m = model.featureNames.length;
  const value = (s: Set<number>) => model.trees.reduce((sum, t) => sum + conditional(t, row, s), 0);
  const fact = (n: number): number => (n <= 1 ? 1 : n * fact(n - 1));
  return Array.from({ length: m }, (_, i) => {
    let phi = 0;
    for (let mask = 0; mask < 1 << m; mask++) {
      if (mask & (1 << i)) {
        continue;
      }
      const s = new Set(Array.from({ length: m }, (_, j) => j).filter((j) => mask & (1 << j)));
      const weight = (fact(s.size) * fact(m - s.size - 1)) / fact(m);
      phi += weight * (value(new Set([...s, i])) - value(s));
    }
    return phi;
  });
}

/** Five depth-3 trees on every row and column: small enough to enumerate every coalition. */
function smallEnsemble(data: Dataset): { model: TreeEnsembleModel } {
  return new GradientBoostingTrainer({ nTrees: 5, maxDepth: 3, maxLeaves: 8, subsample: 1, colsample: 1 }).train(data);
}

describe(TreeShapExplainer.name, () => {
  it('should equal brute-force Shapley values when the model is small enough to enumerate', () => {
    const data = syntheticDataset(400, 5, 5);
    const { model } = smallEnsemble(data);
    const explainer = new TreeShapExplainer(model);
    for (const row of data.rows.slice(0, 10)) {
      const exact = bruteForceShapley(model, row);
      Array.from(explainer.explain(row).contributions).forEach((c, i) => expect(c).toBeCloseTo(exact[i], 9));
    }
  });

  it('should equal the recursive Algorithm 2 when trees are deep and split on a feature twice', () => {
    // 6 features and depth 6: most paths repeat a feature, which both methods merge
    const data = syntheticDataset(2_000, 7, 6);
    const { model } = new GradientBoostingTrainer({ nTrees: 40, maxDepth: 6, maxLeaves: 64 }).train(data);
    const repeats = model.trees.some((t) => pathRepeatsFeature(t, 0, []));
    const sut = new TreeShapExplainer(model);
    const reference = new RecursiveTreeShapExplainer(model);
    expect(repeats).toBe(true);
    for (const row of data.rows.slice(0, 200)) {
      const fast = sut.explain(row);
      const exact = reference.explain(row);
      expect(fast.baseValue).toBe(exact.baseValue);
      Array.from(fast.contributions).forEach((c, i) =>
        expect(Math.abs(c - exact.contributions[i])).toBeLessThan(1e-12),
      );
    }
  });

  it('should add up to the logit when the base value is added to the contributions', () => {
    const data = syntheticDataset(1_000, 3, 6);
    const { model } = new GradientBoostingTrainer({ nTrees: 60, maxDepth: 5, maxLeaves: 32 }).train(data);
    const sut = new TreeShapExplainer(model);
    for (const row of data.rows.slice(0, 200)) {
      const { baseValue, contributions } = sut.explain(row);
      expect(contributions.reduce((a, b) => a + b, baseValue)).toBeCloseTo(predictLogit(model, row), 10);
    }
  });
  it('should equal brute-force Shapley values when rows have missing features that follow default directions', () => {
    const data = withMissingCells(syntheticDataset(400, 5, 5), { features: [0, 1, 2, 3], share: 0.3, seed: 11 });
    const { model } = smallEnsemble(data);
    const explainer = new TreeShapExplainer(model);
    const rows = data.rows.filter((r) => r.some((x) => Number.isNaN(x))).slice(0, 10);
    expect(rows.length).toBe(10);
    for (const row of rows) {
      const exact = bruteForceShapley(model, row);
      Array.from(explainer.explain(row).contributions).forEach((c, i) => expect(c).toBeCloseTo(exact[i], 9));
    }
  });
});

function pathRepeatsFeature(tree: RegressionTree, node: number, seen: number[]): boolean {
  const f = tree.feature[node];
  if (f < 0) {
    return false;
  }
  return (
    seen.includes(f) ||
    pathRepeatsFeature(tree, tree.left[node], [...seen, f]) ||
    pathRepeatsFeature(tree, tree.right[node], [...seen, f])
  );
}
