import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { auc, subsetDataset } from '@loanmesh/ml';

import { parseHyperParameters } from '../apps/trainer/src/cli/cli-options.parser';
import type { CsvLoadOptions } from '../apps/trainer/src/csv/csv-dataset.loader';
import { csvSplit, loadCsvForTraining, trainFromCsv } from '../apps/trainer/src/csv/csv-training.pipeline';
import { parseCsv } from '../apps/trainer/src/csv/csv.parser';
import { stratifiedFolds } from '../apps/trainer/src/training/data-split';
import { type BenchMetric, writeBenchResult } from './bench-result';
import { blankCells, toCsvText } from './trainer-reference/cell-blanking';
import { nativeMatrix } from './trainer-reference/native-matrix';
import { pairedBootstrapAucGap } from './trainer-reference/paired-bootstrap';
import { requireSklearn, runSklearnReference } from './trainer-reference/sklearn-reference.runner';
import { loadTrainerReferenceConfig, type TrainerReferenceConfig } from './trainer-reference/trainer-reference.config';

/** Issue 15: our GBM within 0.005 AUC of scikit-learn's HistGradientBoostingClassifier, or better. */
const GAP_TARGET = -0.005;
const BOOTSTRAP_RESAMPLES = 2_000;

const round = (x: number) => Number(x.toFixed(4));
const reading = (value: number, unit = 'AUC'): BenchMetric => ({
  value: round(value),
  unit,
  target: 0,
  better: 'higher',
});
const gap = (value: number): BenchMetric => ({
  value: round(value),
  unit: 'AUC',
  target: GAP_TARGET,
  better: 'higher',
});
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Mean per-fold AUC of out-of-fold scores: the same summary `crossValidate` gives for ours. */
function foldMeanAuc(scores: number[], labels: Uint8Array, fold: number[], folds: number): number {
  const perFold = Array.from({ length: folds }, (_, k) => {
    const rows = fold.flatMap((f, i) => (f === k ? [i] : []));
    return auc(
      rows.map((i) => scores[i]),
      rows.map((i) => labels[i]),
    );
  });
  return mean(perFold);
}

/**
 * One dataset variant: our GBM through `trainFromCsv` (what `npm run train -- --source csv`
 * runs, CLI defaults), then sklearn on the exported split and folds, both scored by our AUC.
 */
async function compare(
  key: string,
  file: string,
  config: TrainerReferenceConfig,
  dir: string,
): Promise<Record<string, BenchMetric>> {
  const seed = config.TRAINER_REFERENCE_SEED;
  const folds = config.TRAINER_REFERENCE_FOLDS;
  const csv: CsvLoadOptions = { label: config.TRAINER_REFERENCE_LABEL, positive: config.TRAINER_REFERENCE_POSITIVE };
  const work = join(dir, key);
  mkdirSync(work, { recursive: true });
  const text = readFileSync(file, 'utf8');
  const loaded = loadCsvForTraining(text, csv, seed);
  loaded.warnings.forEach((w) => console.log(`  ${key}: loader: ${w}`));
  const { dataset } = loaded;
  // The same calls trainFromCsv and crossValidate make, so the exported rows are theirs.
  const split = csvSplit(dataset.labels, null, seed);
  const fold = stratifiedFolds(dataset.labels, folds, seed);
  const [ours] = await trainFromCsv(file, csv, {
    out: join(work, 'models'),
    name: 'german-credit',
    seed,
    folds,
    kinds: ['gbm'],
    approvalRate: 0.7,
    hyperParameters: parseHyperParameters({
      models: 'gbm',
      seed: String(seed),
      folds: String(folds),
      approvalRate: '0.7',
    }),
  });
  const testLabels = subsetDataset(dataset, split.test).labels;
  const oursTestAuc = auc(ours.testProbabilities, testLabels);
  if (
    ours.testProbabilities.length !== split.test.length ||
    Math.abs(oursTestAuc - ours.card.metrics.test.auc) > 1e-12
  ) {
    throw new Error(`${key}: the exported test rows are not the trainer's (split drifted from trainFromCsv)`);
  }
  const native = nativeMatrix(parseCsv(text), loaded.spec);
  const reference = runSklearnReference(
    config.TRAINER_REFERENCE_PYTHON,
    {
      seed,
      labels: Array.from(dataset.labels),
      split,
      folds: fold,
      inputs: {
        native: { rows: native.rows, categorical: native.categorical },
        ourMatrix: { rows: dataset.rows.map((r) => Array.from(r)), categorical: null },
      },
    },
    work,
  );
  const sk = reference.inputs.native;
  const skTestAuc = auc(sk.testFitTrainValidation, testLabels);
  const interval = pairedBootstrapAucGap(
    ours.testProbabilities,
    sk.testFitTrainValidation,
    testLabels,
    BOOTSTRAP_RESAMPLES,
    seed,
  );
  const cv = ours.card.crossValidation;
  if (!cv) {
    throw new Error(`${key}: the trainer ran no cross-validation`);
  }
  const skCvAuc = foldMeanAuc(sk.outOfFold, dataset.labels, fold, folds);
  const blanks = parseCsv(text).rows.reduce((s, r) => s + r.cells.filter((c) => c === '').length, 0);
  console.log(
    `  ${key}: ${dataset.featureNames.length} encoded features from ${native.columns.length} columns ` +
      `(${native.categorical.filter(Boolean).length} categorical), ${blanks} blank cells, ours kept ${ours.model.kind === 'gbm' ? ours.model.trees.length : 0} trees`,
  );
  return {
    [`${key}.ours.testAuc`]: reading(oursTestAuc),
    [`${key}.sklearn.testAuc`]: reading(skTestAuc),
    [`${key}.aucGap`]: gap(oursTestAuc - skTestAuc),
    [`${key}.aucGapCi95Low`]: gap(interval.low),
    [`${key}.aucGapCi95High`]: gap(interval.high),
    [`${key}.ours.cvAuc`]: reading(cv.meanAuc),
    [`${key}.sklearn.cvAuc`]: reading(skCvAuc),
    [`${key}.cvAucGap`]: gap(cv.meanAuc - skCvAuc),
    [`${key}.sklearnOnOurMatrix.testAuc`]: reading(auc(reference.inputs.ourMatrix.testFitTrainValidation, testLabels)),
    [`${key}.sklearnOnOurMatrix.cvAuc`]: reading(
      foldMeanAuc(reference.inputs.ourMatrix.outOfFold, dataset.labels, fold, folds),
    ),
    [`${key}.sklearnFitTrainOnly.testAuc`]: reading(auc(sk.testFitTrain, testLabels)),
    [`${key}.blankCells`]: reading(blanks, 'cells'),
  };
}

/** German credit as it is and with a seeded share of feature cells blanked; writes bench/results/trainer-reference.json. */
export async function run(): Promise<Record<string, BenchMetric>> {
  const config = loadTrainerReferenceConfig();
  const file = config.TRAINER_REFERENCE_CSV;
  if (!existsSync(file)) {
    throw new Error(`German credit CSV not found at ${file}: set TRAINER_REFERENCE_CSV to its path`);
  }
  const version = requireSklearn(config.TRAINER_REFERENCE_PYTHON);
  console.log(`scikit-learn ${version} (${config.TRAINER_REFERENCE_PYTHON}), data ${file}`);
  const dir = mkdtempSync(join(tmpdir(), 'trainer-reference-'));
  try {
    const blanked = blankCells(
      parseCsv(readFileSync(file, 'utf8')),
      config.TRAINER_REFERENCE_LABEL,
      config.TRAINER_REFERENCE_BLANK_SHARE,
      config.TRAINER_REFERENCE_BLANK_SEED,
    );
    const blankedFile = join(dir, 'german_credit-blanked.csv');
    writeFileSync(blankedFile, toCsvText(blanked));
    const metrics = {
      ...(await compare('germanCredit', file, config, dir)),
      ...(await compare('germanCreditBlanked20', blankedFile, config, dir)),
    };
    writeBenchResult('trainer-reference', metrics);
    return metrics;
  } finally {
    if (config.TRAINER_REFERENCE_KEEP === '1') {
      console.log(`kept ${dir}`);
    } else {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

if (require.main === module || process.argv[1]?.endsWith('trainer-reference.bench.ts')) {
  void run().then((metrics) => console.log(JSON.stringify(metrics, null, 2)));
}
