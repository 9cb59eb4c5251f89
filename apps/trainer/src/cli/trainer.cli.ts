import { basename, extname } from 'node:path';

import { Command, CommanderError, Option } from 'commander';

import { trainFromCsv, trainFromTable } from '../csv/csv-training.pipeline';
import { TrainerInputError } from '../errors/trainer-input.error';
import {
  LABELS_TARGET_COLUMN,
  readLabelsFile,
  TRAINABLE_LABEL_KINDS,
  type TrainableLabelKind,
} from '../labels/labels-export.reader';
import type { ModelArtifact } from '../training/model-artifact.builder';
import type { CommonTrainingOptions } from '../training/training-options';
import { trainFromWorld } from '../world/world-training.pipeline';
import { parseHyperParameters, parseKinds, parseNumber, type RawCliOptions } from './cli-options.parser';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

function buildProgram(io: CliIo): Command {
  return new Command('train')
    .description(
      'Train LoanMesh credit models (gradient-boosted trees and a WoE scorecard), export ONNX and model cards.',
    )
    .addOption(
      new Option('--source <source>', 'where the labelled rows come from')
        .choices(['world', 'csv', 'labels'])
        .makeOptionMandatory(),
    )
    .option('--history <dir>', 'world: directory holding history/{train,validation,test}.jsonl')
    .option('--file <path>', 'csv: the CSV file (header row; quotes are stripped)')
    .option('--label <column>', 'csv: the binary label column')
    .option('--positive <value>', 'csv: the label value meaning bad/default (needed unless 0/1, true/false, yes/no)')
    .option('--time-column <column>', 'csv: split by time on this column instead of a stratified random split')
    .option('--labels <file>', 'labels: the JSONL written by `npm run labels -- export`')
    .addOption(
      new Option('--label-kind <kind>', 'labels: which final labels are the target').choices([
        ...TRAINABLE_LABEL_KINDS,
      ]),
    )
    .option('--out <dir>', 'output directory (default models/<name>)')
    .option('--name <name>', 'model name prefix (default "world" or the CSV file name)')
    .option('--models <list>', 'model kinds to train: gbm,scorecard', 'gbm,scorecard')
    .option('--seed <n>', 'random seed for splits and subsampling', '42')
    .option('--folds <k>', 'csv without time column: cross-validation folds', '5')
    .option('--approval-rate <share>', 'world: approval rate for the graph-lift comparison', '0.7')
    .option('--trees <n>', 'gbm: maximum number of trees')
    .option('--learning-rate <x>', 'gbm: shrinkage')
    .option('--max-depth <n>', 'gbm: maximum tree depth')
    .option('--max-leaves <n>', 'gbm: maximum leaves per tree')
    .option('--min-child-weight <x>', 'gbm: minimum hessian sum per leaf')
    .option('--subsample <x>', 'gbm: row share per tree')
    .option('--early-stopping <n>', 'gbm: rounds without validation improvement before stopping (0 = off)')
    .addHelpText(
      'after',
      '\nExit codes: 0 trained, 1 training failed (e.g. ONNX parity), 2 bad arguments or bad input data.',
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
}

/** Runs the CLI and returns the process exit code; never throws. */
export async function runTrainerCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const program = buildProgram(io);
    program.parse(argv, { from: 'user' });
    const artifacts = await dispatch(program.opts<RawCliOptions>());
    artifacts.forEach((a) => io.out(summaryLine(a)));
    return artifacts.every((a) => a.card.parity.passed) ? EXIT_OK : report(io, 'ONNX parity check failed', EXIT_FAILED);
  } catch (error: unknown) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
    }
    if (error instanceof TrainerInputError) {
      return report(io, `error: ${error.message}`, EXIT_BAD_INPUT);
    }
    return report(
      io,
      `training failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      EXIT_FAILED,
    );
  }
}

async function dispatch(o: RawCliOptions): Promise<ModelArtifact[]> {
  if (o.source === 'labels') {
    const file = required(o.labels, '--labels');
    const kind = (o.labelKind ?? 'FRAUD') as TrainableLabelKind;
    const name = o.name ?? `labels-${kind.toLowerCase().replace(/_/g, '-')}`;
    return trainFromTable(readLabelsFile(file, kind), file, { label: LABELS_TARGET_COLUMN }, common(o, name));
  }
  if (o.source === 'world') {
    const history = required(o.history, '--history');
    return trainFromWorld(history, common(o, o.name ?? 'world'));
  }
  const file = required(o.file, '--file');
  const label = required(o.label, '--label');
  const csvOptions = {
    label,
    ...(o.positive === undefined ? {} : { positive: o.positive }),
    ...(o.timeColumn === undefined ? {} : { timeColumn: o.timeColumn }),
  };
  return trainFromCsv(file, csvOptions, common(o, o.name ?? basename(file, extname(file)).replace(/_/g, '-')));
}

function common(o: RawCliOptions, name: string): CommonTrainingOptions {
  return {
    out: o.out ?? `models/${name}`,
    name,
    kinds: parseKinds(o.models),
    seed: parseNumber('--seed', o.seed, (n) => Number.isInteger(n) && n >= 0, 'a non-negative integer'),
    folds: parseNumber('--folds', o.folds, (n) => Number.isInteger(n) && n >= 2 && n <= 20, 'an integer from 2 to 20'),
    approvalRate: parseNumber('--approval-rate', o.approvalRate, (n) => n > 0 && n < 1, 'in (0, 1)'),
    hyperParameters: parseHyperParameters(o),
  };
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') {
    throw new TrainerInputError(`${flag} is required for this --source`);
  }
  return value;
}

function summaryLine(a: ModelArtifact): string {
  const t = a.card.metrics.test;
  const cv = a.card.crossValidation
    ? ` cvAUC=${a.card.crossValidation.meanAuc.toFixed(4)}±${a.card.crossValidation.stdAuc.toFixed(4)}`
    : '';
  const g = a.card.graphLift;
  const signed = (x: number, digits: number) => `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;
  const lift = g
    ? ` graphLift: AUC ${signed(g.aucGain, 4)}, bad-rate reduction ${signed(g.badRateReductionPp, 2)}pp` +
      (g.intervals ? ` [${g.intervals.badRateReductionPp.map((x) => signed(x, 2)).join(', ')}]` : '')
    : '';
  const recalibrated = a.card.calibration.recalibration ? ' recalibrated=platt' : '';
  const champion = a.card.champion?.champion === a.name ? ' CHAMPION' : '';
  return `${a.name}: testAUC=${t.auc.toFixed(4)} KS=${t.ks.toFixed(4)} Brier=${t.brier.toFixed(4)}${cv} parity=${a.card.parity.maxAbsDifference.toExponential(1)}${lift}${recalibrated}${champion}`;
}

function report(io: CliIo, message: string, code: number): number {
  io.err(message);
  return code;
}
