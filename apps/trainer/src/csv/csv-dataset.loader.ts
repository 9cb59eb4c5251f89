import { createHash } from 'node:crypto';

import type { Dataset, FeatureDescriptor } from '@loanmesh/ml';

import { TrainerInputError } from '../errors/trainer-input.error';
import { fitCategoryCoding } from './category-coding';
import { columnKind, MAX_LEVELS } from './column-typing';
import { type CsvTable, parseCsv } from './csv.parser';
import { encodeLabels } from './label-encoding';

export interface CsvLoadOptions {
  label: string;
  positive?: string;
  timeColumn?: string;
}

/** The rows (indices) the encoders are fitted on, chosen from the labels and times: the training split. */
export type FitRowsOf = (labels: Uint8Array, times: number[] | null) => readonly number[];

export interface LoadedCsv {
  dataset: Dataset;
  spec: FeatureDescriptor[];
  /** Epoch milliseconds per row when a time column was given. */
  times: number[] | null;
  warnings: string[];
  /** sha256 over the parsed data rows (header included), independent of line endings. */
  fingerprint: string;
}

type Cells = { line: number; value: string }[];

interface Encoder {
  /** Index of the encoded column in the header. */
  column: number;
  spec: FeatureDescriptor[];
  encode: (value: string) => number[];
}

/**
 * Any CSV with a binary label: numeric columns as they are, each categorical column one feature
 * (its categories coded by their smoothed default rate, `fitCategoryCoding`), constant or
 * identifier-like columns dropped with a warning, the time column kept out of the features. A
 * blank cell, or a category the fit rows never had, is missing (NaN): nothing is imputed, the
 * GBM learns where missing values go. What the encoders learn from the data (constant columns,
 * categories and their order) comes from the rows `fitRowsOf` picks, the training split, so no
 * test row shapes the features; all rows when it is not given.
 */
export function loadCsvDataset(text: string, options: CsvLoadOptions, fitRowsOf?: FitRowsOf): LoadedCsv {
  return loadTableDataset(parseCsv(text), options, fitRowsOf);
}

/** As loadCsvDataset, for a table already parsed (or built from another source, as the labels export). */
export function loadTableDataset(table: CsvTable, options: CsvLoadOptions, fitRowsOf?: FitRowsOf): LoadedCsv {
  const column = (name: string): Cells => {
    const index = table.header.indexOf(name);
    if (index < 0) {
      throw new TrainerInputError(`column "${name}" not found; columns are: ${table.header.join(', ')}`);
    }
    return table.rows.map((r) => ({ line: r.line, value: r.cells[index] }));
  };
  const labels = encodeLabels(options.label, column(options.label), options.positive);
  const times = options.timeColumn ? parseTimes(options.timeColumn, column(options.timeColumn)) : null;
  const warnings: string[] = [];
  const fitRows = fitRowsOf ? fitRowsOf(labels, times) : null;
  const fitCells = (cells: Cells): Cells => (fitRows ? fitRows.map((i) => cells[i]) : cells);
  const fitLabels = fitRows ? fitRows.map((i) => labels[i]) : Array.from(labels);
  const encoders = table.header
    .filter((name) => name !== options.label && name !== options.timeColumn)
    .map((name) => {
      const encoder = encoderFor(name, column(name), { cells: fitCells(column(name)), labels: fitLabels }, warnings);
      return encoder && { ...encoder, column: table.header.indexOf(name) };
    })
    .filter((e): e is Encoder => e !== null);
  if (encoders.length === 0) {
    throw new TrainerInputError('no usable feature columns remain after dropping constant and identifier columns');
  }
  const rows = table.rows.map((r) => Float64Array.from(encoders.flatMap((e) => e.encode(r.cells[e.column]))));
  const spec = encoders.flatMap((e) => e.spec);
  const hash = createHash('sha256').update(table.header.join(',') + '\n');
  table.rows.forEach((r) => hash.update(r.cells.join(',') + '\n'));
  return {
    dataset: { featureNames: spec.map((s) => s.name), rows, labels },
    spec,
    times,
    warnings,
    fingerprint: hash.digest('hex'),
  };
}

type ColumnEncoder = Omit<Encoder, 'column'>;

/** The rows an encoding is learned from, with their labels. */
interface FitRows {
  cells: Cells;
  labels: readonly number[];
}

/** `cells` are all rows (to type the column), `fit` the rows the encoding is learned from. */
function encoderFor(name: string, cells: Cells, fit: FitRows, warnings: string[]): ColumnEncoder | null {
  const distinct = new Set(fit.cells.map((c) => c.value));
  if (distinct.size <= 1) {
    warnings.push(`column "${name}" is constant and was dropped`);
    return null;
  }
  const blanks = cells.filter((c) => c.value === '').length;
  if (blanks > 0) {
    warnings.push(`column "${name}": ${blanks} blank cell(s) kept as missing (NaN), not imputed`);
  }
  return columnKind(name, cells) === 'numeric'
    ? numericEncoder(name, fit.cells, warnings)
    : categoricalEncoder(name, fit, warnings);
}

function numericEncoder(name: string, fit: Cells, warnings: string[]): ColumnEncoder {
  const values = fit.filter((c) => c.value !== '').map((c) => Number(c.value));
  if (new Set(values).size <= 1) {
    warnings.push(`column "${name}" has a single numeric value apart from blanks; kept`);
  }
  return {
    spec: [{ name, description: `Value of ${name}` }],
    encode: (v) => [v === '' ? NaN : Number(v)],
  };
}

/** One feature per column: the category's code; blank and never-fitted categories are missing. */
function categoricalEncoder(name: string, fit: FitRows, warnings: string[]): ColumnEncoder | null {
  const levels = new Set(fit.cells.map((c) => c.value).filter((v) => v !== ''));
  if (levels.size > MAX_LEVELS) {
    warnings.push(
      `column "${name}" has ${levels.size} distinct text values (identifier or free text?) and was dropped`,
    );
    return null;
  }
  const coding = fitCategoryCoding(
    fit.cells.map((c) => c.value),
    fit.labels,
  );
  return {
    spec: [
      {
        name,
        description: `${name} (category, coded by its training default rate)`,
        categories: coding.categories,
      },
    ],
    encode: (v) => [coding.code(v)],
  };
}

function parseTimes(name: string, cells: Cells): number[] {
  return cells.map((c) => {
    const t = /^\d+(\.\d+)?$/.test(c.value) ? Number(c.value) : Date.parse(c.value);
    if (!Number.isFinite(t)) {
      throw new TrainerInputError(`time column "${name}" has an unreadable value on line ${c.line}: "${c.value}"`);
    }
    return t;
  });
}
