import { buildFeatureVector, featureNames, SyntheticHistoryFactory } from '@loanmesh/features';
import {
  exportTreeEnsembleToOnnx,
  GradientBoostingTrainer,
  OnnxScorer,
  toFloat32Matrix,
  TreeEnsembleEvaluator,
  TreeShapExplainer,
  type TreeEnsembleModel,
} from '@loanmesh/ml';

import { type BenchMetric, writeBenchResult } from './bench-result';

const SINGLE_CALLS = 5_000;
const BATCH_SIZE = 1_000;
const BATCHES = 30;

/** ~200 trees of depth 6 on the graph-enhanced feature vector, trained on synthetic history. */
function benchModel(): { model: TreeEnsembleModel; rows: Float64Array[] } {
  const history = new SyntheticHistoryFactory(11).rows(6_000);
  const rows = history.map((r) => buildFeatureVector(r.input, { includeGraph: true }));
  const data = {
    featureNames: featureNames({ includeGraph: true }),
    rows,
    labels: Uint8Array.from(history, (r) => r.label),
  };
  const trainer = new GradientBoostingTrainer({
    nTrees: 200,
    maxDepth: 6,
    maxLeaves: 64,
    minChildWeight: 0.5,
    earlyStoppingRounds: 0,
  });
  return { model: trainer.train(data).model, rows };
}

function percentile(sortedMs: Float64Array, q: number): number {
  return sortedMs[Math.min(sortedMs.length - 1, Math.floor(q * sortedMs.length))];
}

async function timeSingle(
  rows: Float64Array[],
  score: (row: Float64Array) => Promise<number> | number,
): Promise<Float64Array> {
  for (let i = 0; i < 500; i++) {
    await score(rows[i % rows.length]);
  }
  const times = new Float64Array(SINGLE_CALLS);
  for (let i = 0; i < SINGLE_CALLS; i++) {
    const start = process.hrtime.bigint();
    await score(rows[i % rows.length]);
    times[i] = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return times.sort();
}

/**
 * Process CPU time per call (user + system, all threads), which a busy shared machine does not
 * inflate the way it inflates wall time: it tells slow code from a descheduled process.
 */
function cpuTimeSingle(rows: Float64Array[], work: (row: Float64Array) => unknown): Float64Array {
  const times = new Float64Array(SINGLE_CALLS);
  for (let i = 0; i < SINGLE_CALLS; i++) {
    const start = process.cpuUsage();
    work(rows[i % rows.length]);
    const used = process.cpuUsage(start);
    times[i] = (used.user + used.system) / 1e3;
  }
  return times.sort();
}

async function timeBatched(
  matrix: Float32Array,
  scoreBatch: (m: Float32Array) => Promise<ArrayLike<number>> | ArrayLike<number>,
): Promise<number> {
  await scoreBatch(matrix);
  const start = process.hrtime.bigint();
  for (let b = 0; b < BATCHES; b++) {
    await scoreBatch(matrix);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return (BATCHES * BATCH_SIZE) / seconds;
}

const lower = (value: number, unit: string, target: number): BenchMetric => ({
  value: round(value),
  unit,
  target,
  better: 'lower',
});
const higher = (value: number, unit: string, target: number): BenchMetric => ({
  value: round(value),
  unit,
  target,
  better: 'higher',
});
const round = (x: number) => Number(x.toPrecision(4));

/** Single-row latency and batched throughput, onnxruntime-node versus the plain-TypeScript evaluator. */
export async function run(): Promise<Record<string, BenchMetric>> {
  const { model, rows } = benchModel();
  const f = model.featureNames.length;
  const scorer = await OnnxScorer.create(exportTreeEnsembleToOnnx(model), f);
  const evaluator = new TreeEnsembleEvaluator(model);
  const explainer = new TreeShapExplainer(model);
  const matrix = toFloat32Matrix(rows.slice(0, BATCH_SIZE), f);
  const onnxSingle = await timeSingle(rows, (row) => scorer.score(row));
  const tsSingle = await timeSingle(rows, (row) => evaluator.probability(row));
  const shapSingle = await timeSingle(rows.slice(0, 200), (row) => explainer.explain(row).baseValue);
  const shapCpu = cpuTimeSingle(rows.slice(0, 200), (row) => explainer.explain(row));
  const metrics: Record<string, BenchMetric> = {
    singleP50Ms: lower(percentile(onnxSingle, 0.5), 'ms', 2),
    singleP99Ms: lower(percentile(onnxSingle, 0.99), 'ms', 2),
    batchedScoresPerSec: higher(await timeBatched(matrix, (m) => scorer.scoreBatch(m, BATCH_SIZE)), 'scores/s', 20_000),
    tsSingleP50Ms: lower(percentile(tsSingle, 0.5), 'ms', 2),
    tsSingleP99Ms: lower(percentile(tsSingle, 0.99), 'ms', 2),
    tsBatchedScoresPerSec: higher(await timeBatched(matrix, (m) => evaluator.probabilities(m, f)), 'scores/s', 20_000),
    treeShapP50Ms: lower(percentile(shapSingle, 0.5), 'ms', 2),
    treeShapP99Ms: lower(percentile(shapSingle, 0.99), 'ms', 2),
    treeShapCpuP50Ms: lower(percentile(shapCpu, 0.5), 'ms', 2),
    treeShapCpuP99Ms: lower(percentile(shapCpu, 0.99), 'ms', 2),
    modelTrees: { value: model.trees.length, unit: 'trees', target: 200, better: 'higher' },
  };
  await scorer.release();
  writeBenchResult('scoring', metrics);
  return metrics;
}

if (require.main === module || process.argv[1]?.endsWith('scoring.bench.ts')) {
  void run().then((metrics) => console.log(JSON.stringify(metrics, null, 2)));
}
