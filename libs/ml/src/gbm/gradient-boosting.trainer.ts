import { type Dataset, meanLabel } from '../common/dataset';
import { SeededRandom } from '../common/seeded-random';
import { DEFAULT_GBM_PARAMS, type GbmParams } from './gbm-params';
import { QuantileBinner } from './quantile-binner';
import { growTree, type GrowContext } from './tree.grower';
import { predictLogit, type RegressionTree, sigmoid, type TreeEnsembleModel } from './tree-ensemble.model';

export interface GbmTrainingResult {
  model: TreeEnsembleModel;
  params: GbmParams;
  /** Trees kept (the best validation iteration when early stopping ran). */
  treesKept: number;
  validationLogLoss: number[];
}

/** Gradient-boosted trees with logistic loss on histogram bins; deterministic for a given seed. */
export class GradientBoostingTrainer {
  readonly params: GbmParams;

  constructor(params: Partial<GbmParams> = {}) {
    this.params = { ...DEFAULT_GBM_PARAMS, ...params };
  }

  train(train: Dataset, validation?: Dataset): GbmTrainingResult {
    const p = this.params;
    checkConstraints(p.monotoneConstraints, train.featureNames.length);
    const random = new SeededRandom(p.seed);
    const ctx = this.context(train);
    const base = logit(Math.min(Math.max(meanLabel(train.labels), 1e-6), 1 - 1e-6));
    const margin = new Float64Array(train.rows.length).fill(base);
    const validMargin = new Float64Array(validation?.rows.length ?? 0).fill(base);
    const trees: RegressionTree[] = [];
    const losses: number[] = [];
    let best = { loss: Infinity, trees: 0 };
    for (let t = 0; t < p.nTrees; t++) {
      computeGradients(train.labels, margin, ctx.grad, ctx.hess);
      ctx.features = sampleFeatures(random, train.featureNames.length, p.colsample);
      const builder = growTree(ctx, sampleRows(random, train.rows.length, p.subsample));
      for (let i = 0; i < margin.length; i++) {
        margin[i] += builder.valueAt(builder.leafOfBinned(ctx.bins, ctx.binCounts, i));
      }
      trees.push(builder.build());
      if (validation) {
        const loss = updateValidation(validation, trees[trees.length - 1], validMargin);
        losses.push(loss);
        best = loss < best.loss - 1e-9 ? { loss, trees: trees.length } : best;
        if (p.earlyStoppingRounds > 0 && trees.length - best.trees >= p.earlyStoppingRounds) {
          break;
        }
      }
    }
    const kept = validation && p.earlyStoppingRounds > 0 ? best.trees : trees.length;
    const model: TreeEnsembleModel = {
      kind: 'gbm',
      featureNames: train.featureNames,
      baseScore: Math.fround(base),
      trees: trees.slice(0, kept),
    };
    return { model, params: p, treesKept: kept, validationLogLoss: losses };
  }

  private context(train: Dataset): GrowContext {
    const binner = QuantileBinner.fit(train.rows, train.featureNames.length, this.params.maxBins);
    const binCounts = binner.thresholds.map((t) => t.length + 1);
    return {
      bins: binner.transform(train.rows),
      thresholds: binner.thresholds,
      binCounts,
      maxBinCount: Math.max(1, ...binCounts),
      grad: new Float64Array(train.rows.length),
      hess: new Float64Array(train.rows.length),
      features: [],
      params: this.params,
    };
  }
}

function checkConstraints(constraints: readonly number[], featureCount: number): void {
  if (constraints.length > featureCount) {
    throw new Error(`${constraints.length} monotone constraints for ${featureCount} features`);
  }
  const bad = constraints.findIndex((c) => c !== -1 && c !== 0 && c !== 1);
  if (bad >= 0) {
    throw new Error(`monotone constraint of feature ${bad} is ${constraints[bad]}; expected -1, 0 or 1`);
  }
}

function computeGradients(labels: Uint8Array, margin: Float64Array, grad: Float64Array, hess: Float64Array): void {
  for (let i = 0; i < labels.length; i++) {
    const p = sigmoid(margin[i]);
    grad[i] = p - labels[i];
    hess[i] = Math.max(p * (1 - p), 1e-16);
  }
}

function updateValidation(validation: Dataset, tree: RegressionTree, margin: Float64Array): number {
  const single: TreeEnsembleModel = { kind: 'gbm', featureNames: [], baseScore: 0, trees: [tree] };
  let loss = 0;
  for (let i = 0; i < margin.length; i++) {
    margin[i] += predictLogit(single, validation.rows[i]);
    const p = Math.min(Math.max(sigmoid(margin[i]), 1e-15), 1 - 1e-15);
    loss -= validation.labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return loss / Math.max(1, margin.length);
}

function sampleRows(random: SeededRandom, n: number, fraction: number): Uint32Array {
  if (fraction >= 1) {
    return Uint32Array.from({ length: n }, (_, i) => i);
  }
  const rows: number[] = [];
  for (let i = 0; i < n; i++) {
    if (random.next() < fraction) {
      rows.push(i);
    }
  }
  return Uint32Array.from(rows);
}

function sampleFeatures(random: SeededRandom, count: number, fraction: number): number[] {
  const all = Array.from({ length: count }, (_, i) => i);
  if (fraction >= 1) {
    return all;
  }
  return random
    .shuffle(all)
    .slice(0, Math.max(1, Math.round(count * fraction)))
    .sort((a, b) => a - b);
}

export function logit(p: number): number {
  return Math.log(p / (1 - p));
}
