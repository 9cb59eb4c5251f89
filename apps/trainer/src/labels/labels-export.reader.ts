import { readFileSync } from 'node:fs';

import { type LabelledSample, labelledSampleSchema } from '@loanmesh/contracts';

import type { CsvTable } from '../csv/csv.parser';
import { TrainerInputError } from '../errors/trainer-input.error';

/** The kinds of labelling sample with a binary target a credit/fraud model can learn. */
export const TRAINABLE_LABEL_KINDS = ['FRAUD', 'OUTCOME_DISPUTE'] as const;
export type TrainableLabelKind = (typeof TRAINABLE_LABEL_KINDS)[number];

/** The target column of the table built from a labels export. */
export const LABELS_TARGET_COLUMN = 'target';

/**
 * Reads `npm run labels -- export` output (JSONL): every line must be a valid labelled sample
 * (a malformed file fails naming its first bad line, nothing is skipped silently). Keeps the
 * samples of `kind` and lays them out as a table: one column per feature, then the target.
 */
export function readLabelsExport(text: string, kind: TrainableLabelKind): CsvTable {
  const lines = text.split(/\r?\n/).map((t, i) => ({ line: i + 1, text: t }));
  const samples = lines
    .filter((l) => l.text.trim() !== '')
    .map(({ line, text: t }) => ({ line, sample: parseLine(t, line) }));
  if (samples.length === 0) {
    throw new TrainerInputError('the labels export is empty');
  }
  const ofKind = samples.filter((s) => s.sample.kind === kind);
  if (ofKind.length === 0) {
    throw new TrainerInputError(`the labels export holds no ${kind} samples`);
  }
  const header = ofKind[0].sample.featureNames;
  if (header.length === 0) {
    throw new TrainerInputError(`line ${ofKind[0].line}: the sample has no features (its decision was never scored)`);
  }
  if (header.includes(LABELS_TARGET_COLUMN)) {
    throw new TrainerInputError(`a feature is named "${LABELS_TARGET_COLUMN}", the target column's name`);
  }
  return {
    header: [...header, LABELS_TARGET_COLUMN],
    rows: ofKind.map(({ line, sample }) => {
      if (sample.featureNames.join('\u0000') !== header.join('\u0000')) {
        throw new TrainerInputError(
          `line ${line}: features differ from line ${ofKind[0].line} (${sample.modelVersion || 'unknown model'}); export one feature set at a time`,
        );
      }
      return { line, cells: [...sample.featureVector.map(String), String(sample.target)] };
    }),
  };
}

function parseLine(text: string, line: number): LabelledSample {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new TrainerInputError(`line ${line}: not JSON`);
  }
  const parsed = labelledSampleSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(sample)'}: ${i.message}`).join('; ');
    throw new TrainerInputError(`line ${line}: not a labelled sample (${issues})`);
  }
  return parsed.data;
}

export function readLabelsFile(file: string, kind: TrainableLabelKind): CsvTable {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error: unknown) {
    throw new TrainerInputError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return readLabelsExport(text, kind);
}
