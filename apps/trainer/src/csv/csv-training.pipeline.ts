import { readFileSync } from 'node:fs';

import { type Dataset, type DataSplitDescription, type ModelKind, subsetDataset } from '@loanmesh/ml';

import { TrainerInputError } from '../errors/trainer-input.error';
import { writeArtifact } from '../training/artifact.writer';
import { crossValidate } from '../training/cross-validation';
import { type SplitIndices, stratifiedSplit, timeSplit } from '../training/data-split';
import { buildModelArtifact, type ModelArtifact } from '../training/model-artifact.builder';
import type { CommonTrainingOptions } from '../training/training-options';
import { type CsvLoadOptions, type LoadedCsv, loadTableDataset } from './csv-dataset.loader';
import { type CsvTable, parseCsv } from './csv.parser';
import { fillWithTrainingMedians } from './median-fill';

/**
 * Version 3: one feature per categorical column, its categories coded by training default rate
 * (version 2 one-hot encoded them); blanks are missing (NaN); encoders fitted on the training split only.
 */
export const CSV_FEATURE_VERSION = 'csv-coded-3';
/** Train / validation (early stopping) / test shares of the seeded stratified split. */
export const CSV_STRATIFIED_FRACTIONS: [number, number, number] = [0.6, 0.2, 0.2];
const CSV_TIME_FRACTIONS: [number, number, number] = [0.7, 0.15, 0.15];

/** The split trainFromCsv uses: by time when a time column was given, else seeded stratified. */
export function csvSplit(labels: Uint8Array, times: number[] | null, seed: number): SplitIndices {
  return times ? timeSplit(times, CSV_TIME_FRACTIONS) : stratifiedSplit(labels, CSV_STRATIFIED_FRACTIONS, seed);
}

/** The CSV as trainFromCsv loads it: encoders fitted on the rows of its training split. */
export function loadCsvForTraining(text: string, csv: CsvLoadOptions, seed: number): LoadedCsv {
  return loadTableForTraining(parseCsv(text), csv, seed);
}

function loadTableForTraining(table: CsvTable, csv: CsvLoadOptions, seed: number): LoadedCsv {
  return loadTableDataset(table, csv, (labels, times) => csvSplit(labels, times, seed).train);
}

/** Trains every requested model kind on a CSV file and writes the artifacts. */
export async function trainFromCsv(
  file: string,
  csv: CsvLoadOptions,
  options: CommonTrainingOptions,
): Promise<ModelArtifact[]> {
  return trainFromTable(parseCsv(readCsvFile(file)), file, csv, options);
}

/** Trains on a table (a parsed CSV, or rows from another source); `source` names it in the model card. */
export async function trainFromTable(
  table: CsvTable,
  source: string,
  csv: CsvLoadOptions,
  options: CommonTrainingOptions,
): Promise<ModelArtifact[]> {
  const loaded = loadTableForTraining(table, csv, options.seed);
  const { times } = loaded;
  requireBothClasses(loaded.dataset);
  const parts = csvSplit(loaded.dataset.labels, times, options.seed);
  const artifacts: ModelArtifact[] = [];
  for (const kind of options.kinds) {
    const { dataset, warnings } = datasetFor(kind, loaded, parts.train);
    const artifact = await buildModelArtifact({
      name: `${options.name}-${kind}`,
      kind,
      featureVersion: CSV_FEATURE_VERSION,
      spec: loaded.spec,
      train: subsetDataset(dataset, parts.train),
      validation: subsetDataset(dataset, parts.validation),
      test: subsetDataset(dataset, parts.test),
      split: describeSplit(parts, times, options.seed),
      fingerprint: { value: loaded.fingerprint, rows: dataset.rows.length, source },
      hyperParameters: options.hyperParameters,
      crossValidation: times
        ? null
        : crossValidate(kind, dataset, options.hyperParameters, options.folds, options.seed),
      warnings: [...loaded.warnings, ...warnings],
    });
    writeArtifact(options.out, artifact);
    artifacts.push(artifact);
  }
  return artifacts;
}

/** The GBM takes missing values as they are; the scorecard gets training-split medians. */
function datasetFor(kind: ModelKind, loaded: LoadedCsv, train: number[]): { dataset: Dataset; warnings: string[] } {
  switch (kind) {
    case 'gbm':
      return { dataset: loaded.dataset, warnings: [] };
    case 'scorecard':
      return fillWithTrainingMedians(loaded.dataset, train);
  }
}

function readCsvFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error: unknown) {
    throw new TrainerInputError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function requireBothClasses(data: Dataset): void {
  const bads = data.labels.reduce((s, y) => s + y, 0);
  if (bads < 10 || data.labels.length - bads < 10) {
    throw new TrainerInputError(
      `need at least 10 rows of each class; found ${bads} bad and ${data.labels.length - bads} good`,
    );
  }
}

function describeSplit(parts: SplitIndices, times: number[] | null, seed: number): DataSplitDescription {
  const range = (idx: number[]) => {
    if (!times || idx.length === 0) {
      return {};
    }
    const ts = idx.map((i) => times[i]);
    return { from: new Date(Math.min(...ts)).toISOString(), to: new Date(Math.max(...ts)).toISOString() };
  };
  const part = (idx: number[]) => ({ rows: idx.length, ...range(idx) });
  return {
    method: times ? 'time' : 'stratified-random',
    parts: { train: part(parts.train), validation: part(parts.validation), test: part(parts.test) },
    ...(times ? {} : { seed }),
  };
}
