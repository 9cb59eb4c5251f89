import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildFeatureVector, featureNames, SyntheticHistoryFactory } from '@loanmesh/features';
import {
  exportTreeEnsembleToOnnx,
  GradientBoostingTrainer,
  OnnxScorer,
  recordedChampion,
  toFloat32Matrix,
  treeEnsembleFromJson,
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

const WORLD_MODELS = join(__dirname, '..', 'models', 'world');

/**
 * The champion the committed cards record (what serving loads when INITIAL_CHAMPION is unset),
 * with synthetic applications in its own feature order: the target is TreeSHAP for the
 * champion, which the 200-tree stress model above overstates several times.
 */
function championModel(): { name: string; model: TreeEnsembleModel; rows: Float64Array[] } {
  const cards = readdirSync(WORLD_MODELS)
    .filter((f) => f.endsWith('.card.json'))
    .map((f): unknown => JSON.parse(readFileSync(join(WORLD_MODELS, f), 'utf8')));
  const name = recordedChampion(cards);
  if (!name) {
    throw new Error(`no single champion recorded in ${WORLD_MODELS}`);
  }
  const json = JSON.parse(readFileSync(join(WORLD_MODELS, `${name}.model.json`), 'utf8')) as Parameters<
    typeof treeEnsembleFromJson
  >[0] & { kind: string };
  if (json.kind !== 'gbm') {
    throw new Error(`the champion ${name} is a ${json.kind}, not a tree ensemble: TreeSHAP does not apply`);
  }
  const model = treeEnsembleFromJson(json);
  const includeGraph = model.featureNames.some((n) => n.startsWith('graph_'));
  if (featureNames({ includeGraph }).join() !== model.featureNames.join()) {
    throw new Error(`the champion ${name} has other features than the feature spec builds`);
  }
  const rows = new SyntheticHistoryFactory(12).rows(2_000).map((r) => buildFeatureVector(r.input, { includeGraph }));
  return { name, model, rows };
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

interface ChampionShap {
  trees: number;
  leaves: number;
  wall: Float64Array;
  cpu: Float64Array;
}

async function championShap(): Promise<ChampionShap> {
  const champion = championModel();
  const explainer = new TreeShapExplainer(champion.model);
  console.log(`[scoring] TreeSHAP of the recorded champion ${champion.name}`);
  return {
    trees: champion.model.trees.length,
    leaves: champion.model.trees.reduce((n, t) => n + t.feature.filter((f) => f < 0).length, 0),
    wall: await timeSingle(champion.rows, (row) => explainer.explain(row).baseValue),
    cpu: cpuTimeSingle(champion.rows, (row) => explainer.explain(row)),
  };
}

function championShapMetrics(c: ChampionShap): Record<string, BenchMetric> {
  return {
    championTreeShapP50Ms: lower(percentile(c.wall, 0.5), 'ms', 2),
    championTreeShapP99Ms: lower(percentile(c.wall, 0.99), 'ms', 2),
    championTreeShapCpuP99Ms: lower(percentile(c.cpu, 0.99), 'ms', 2),
    championTrees: { value: c.trees, unit: 'trees', target: 0, better: 'higher' },
    championLeaves: { value: c.leaves, unit: 'leaves', target: 0, better: 'higher' },
  };
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
    ...championShapMetrics(await championShap()),
  };
  await scorer.release();
  writeBenchResult('scoring', metrics);
  return metrics;
}

if (require.main === module || process.argv[1]?.endsWith('scoring.bench.ts')) {
  void run().then((metrics) => console.log(JSON.stringify(metrics, null, 2)));
}
