import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SCRIPT = join(__dirname, 'hist-gbm-reference.py');
const INSTALL_HINT =
  'apt-get install -y python3-sklearn (Debian package; PyPI is not needed), or set TRAINER_REFERENCE_PYTHON to an interpreter that has scikit-learn';

/** What hist-gbm-reference.py reads: one split and fold assignment, one or more feature matrices. */
export interface ReferenceInput {
  seed: number;
  labels: number[];
  split: { train: number[]; validation: number[]; test: number[] };
  folds: number[];
  inputs: Record<string, { rows: (number | null)[][]; categorical: boolean[] | null }>;
}

/** Probabilities of the bad class, per input matrix. */
export interface ReferenceOutput {
  sklearnVersion: string;
  params: Record<string, string>;
  inputs: Record<string, { testFitTrainValidation: number[]; testFitTrain: number[]; outOfFold: number[] }>;
}

/** Fails with the install command when the interpreter or scikit-learn is missing. */
export function requireSklearn(python: string): string {
  const probe = spawnSync(python, ['-c', 'import numpy, sklearn; print(sklearn.__version__)'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    const why = probe.error ? probe.error.message : probe.stderr.trim().split('\n').pop();
    throw new Error(`scikit-learn is not available to ${python} (${why}): ${INSTALL_HINT}`);
  }
  return probe.stdout.trim();
}

/** Writes the input next to the output in `dir`, runs the script, reads its answer back. */
export function runSklearnReference(python: string, input: ReferenceInput, dir: string): ReferenceOutput {
  const inputFile = join(dir, 'reference-input.json');
  const outputFile = join(dir, 'sklearn-output.json');
  writeFileSync(inputFile, JSON.stringify(input));
  const run = spawnSync(python, [SCRIPT, inputFile, outputFile], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    // One OpenMP thread: the same figures (the fits are deterministic), while the default of a
    // thread per core spun for over 45 minutes on a busy 2-core machine instead of about 5.
    env: { ...process.env, OMP_NUM_THREADS: '1' },
  });
  if (run.error || run.status !== 0) {
    throw new Error(`${SCRIPT} failed (${run.error?.message ?? `exit ${run.status}`}): ${run.stderr.trim()}`);
  }
  return JSON.parse(readFileSync(outputFile, 'utf8')) as ReferenceOutput;
}
