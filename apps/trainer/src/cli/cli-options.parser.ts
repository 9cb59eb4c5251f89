import type { ModelKind } from '@loanmesh/ml';

import { TrainerInputError } from '../errors/trainer-input.error';
import type { HyperParameters } from '../training/model.factory';

export interface RawCliOptions {
  source?: string;
  history?: string;
  file?: string;
  labels?: string;
  labelKind?: string;
  label?: string;
  positive?: string;
  timeColumn?: string;
  out?: string;
  name?: string;
  models: string;
  seed: string;
  folds: string;
  approvalRate: string;
  trees?: string;
  learningRate?: string;
  maxDepth?: string;
  maxLeaves?: string;
  minChildWeight?: string;
  subsample?: string;
  earlyStopping?: string;
}

export function parseNumber(flag: string, raw: string, check: (n: number) => boolean, expectation: string): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || !check(n)) {
    throw new TrainerInputError(`${flag} must be ${expectation}, got "${raw}"`);
  }
  return n;
}

const positiveInt = (flag: string, raw: string) =>
  parseNumber(flag, raw, (n) => Number.isInteger(n) && n > 0, 'a positive integer');
const fraction = (flag: string, raw: string) => parseNumber(flag, raw, (n) => n > 0 && n <= 1, 'in (0, 1]');

export function parseKinds(raw: string): ModelKind[] {
  const kinds = raw.split(',').map((k) => k.trim());
  const bad = kinds.filter((k) => k !== 'gbm' && k !== 'scorecard');
  if (bad.length > 0 || kinds.length === 0) {
    throw new TrainerInputError(`--models takes gbm and/or scorecard, got "${raw}"`);
  }
  return kinds as ModelKind[];
}

/** Only the flags given override the library defaults. */
export function parseHyperParameters(o: RawCliOptions): HyperParameters {
  const gbm: HyperParameters['gbm'] = { seed: positiveInt('--seed', o.seed) };
  if (o.trees !== undefined) {
    gbm.nTrees = positiveInt('--trees', o.trees);
  }
  if (o.learningRate !== undefined) {
    gbm.learningRate = fraction('--learning-rate', o.learningRate);
  }
  if (o.maxDepth !== undefined) {
    gbm.maxDepth = positiveInt('--max-depth', o.maxDepth);
  }
  if (o.maxLeaves !== undefined) {
    gbm.maxLeaves = parseNumber('--max-leaves', o.maxLeaves, (n) => Number.isInteger(n) && n >= 2, 'an integer >= 2');
  }
  if (o.minChildWeight !== undefined) {
    gbm.minChildWeight = parseNumber('--min-child-weight', o.minChildWeight, (n) => n >= 0, '>= 0');
  }
  if (o.subsample !== undefined) {
    gbm.subsample = fraction('--subsample', o.subsample);
  }
  if (o.earlyStopping !== undefined) {
    gbm.earlyStoppingRounds = parseNumber(
      '--early-stopping',
      o.earlyStopping,
      (n) => Number.isInteger(n) && n >= 0,
      'an integer >= 0',
    );
  }
  return { gbm, scorecard: {} };
}
