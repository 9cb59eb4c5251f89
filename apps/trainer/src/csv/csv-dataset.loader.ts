import { createHash } from 'node:crypto';

import type { Dataset, FeatureDescriptor } from '@loanmesh/ml';

import { TrainerInputError } from '../errors/trainer-input.error';
import { columnKind, MAX_LEVELS } from './column-typing';
import { parseCsv } from './csv.parser';
import { encodeLabels } from './label-encoding';

export interface CsvLoadOptions {
  label: string;
  positive?: string;
  timeColumn?: string;
}

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
  spec: FeatureDescriptor[];
  encode: (value: string) => number[];
}

/**
 * Any CSV with a binary label: numeric columns as they are (blank cells get the column median,
 * with a warning), categorical columns one-hot encoded, constant or identifier-like columns
 * dropped with a warning, the time column kept out of the features.
 */
export function loadCsvDataset(text: string, options: CsvLoadOptions): LoadedCsv {
  const table = parseCsv(text);
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
  const encoders = table.header
    .filter((name) => name !== options.label && name !== options.timeColumn)
    .map((name) => encoderFor(name, column(name), warnings))
    .filter((e): e is Encoder => e !== null);
  if (encoders.length === 0) {
    throw new TrainerInputError('no usable feature columns remain after dropping constant and identifier columns');
  }
  const featureColumns = table.header.filter((n) => n !== options.label && n !== options.timeColumn);
  const rows = table.rows.map((r) =>
    Float64Array.from(encoders.flatMap((e, k) => e.encode(r.cells[table.header.indexOf(featureColumns[k])]))),
  );
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

function encoderFor(name: string, cells: Cells, warnings: string[]): Encoder | null {
  const distinct = new Set(cells.map((c) => c.value));
  if (distinct.size <= 1) {
    warnings.push(`column "${name}" is constant and was dropped`);
    return null;
  }
  return columnKind(name, cells) === 'numeric'
    ? numericEncoder(name, cells, warnings)
    : categoricalEncoder(name, cells, warnings);
}

function numericEncoder(name: string, cells: Cells, warnings: string[]): Encoder {
  const values = cells
    .filter((c) => c.value !== '')
    .map((c) => Number(c.value))
    .sort((a, b) => a - b);
  const median = values[Math.floor(values.length / 2)] ?? 0;
  const blanks = cells.length - values.length;
  if (blanks > 0) {
    warnings.push(`column "${name}": ${blanks} blank cell(s) filled with the median ${median}`);
  }
  if (new Set(values).size <= 1) {
    warnings.push(`column "${name}" has a single numeric value apart from blanks; kept`);
  }
  return {
    spec: [{ name, description: `Value of ${name}` }],
    encode: (v) => [v === '' ? median : Number(v)],
  };
}

function categoricalEncoder(name: string, cells: Cells, warnings: string[]): Encoder | null {
  const counts = new Map<string, number>();
  cells.forEach((c) => counts.set(c.value || '(blank)', (counts.get(c.value || '(blank)') ?? 0) + 1));
  if (counts.size > MAX_LEVELS) {
    warnings.push(
      `column "${name}" has ${counts.size} distinct text values (identifier or free text?) and was dropped`,
    );
    return null;
  }
  const levels = [...counts.keys()].sort();
  return {
    spec: levels.map((level) => ({
      name: `${name}=${level}`,
      description: `${name} is ${level}`,
      absentDescription: `${name} is not ${level}`,
      direction: 'indicator' as const,
    })),
    encode: (v) => levels.map((level) => ((v || '(blank)') === level ? 1 : 0)),
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
