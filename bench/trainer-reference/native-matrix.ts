import type { FeatureDescriptor } from '@loanmesh/ml';

import { columnKind } from '../../apps/trainer/src/csv/column-typing';
import type { CsvTable } from '../../apps/trainer/src/csv/csv.parser';

/** The raw columns for a learner that takes missing values and categories itself. */
export interface NativeMatrix {
  columns: string[];
  /** Per column: true when it is categorical (values are level codes). */
  categorical: boolean[];
  /** Numbers as given, categories as the index of the level in sorted order, blank = null. */
  rows: (number | null)[][];
}

/**
 * The same columns our CSV loader keeps (read off its feature spec: `col` or `col=level`), but
 * unencoded: no median fill and no one-hot, so the reference learner can use its own handling.
 * The column kinds come from the loader's own `columnKind`.
 */
export function nativeMatrix(table: CsvTable, spec: FeatureDescriptor[]): NativeMatrix {
  const kept = table.header.filter((name) => spec.some((s) => s.name === name || s.name.startsWith(`${name}=`)));
  const encoders = kept.map((name) => {
    const index = table.header.indexOf(name);
    const cells = table.rows.map((r) => ({ line: r.line, value: r.cells[index] }));
    if (columnKind(name, cells) === 'numeric') {
      return { categorical: false, code: (v: string) => (v === '' ? null : Number(v)) };
    }
    const levels = [...new Set(cells.map((c) => c.value).filter((v) => v !== ''))].sort();
    return { categorical: true, code: (v: string) => (v === '' ? null : levels.indexOf(v)) };
  });
  return {
    columns: kept,
    categorical: encoders.map((e) => e.categorical),
    rows: table.rows.map((r) => kept.map((name, k) => encoders[k].code(r.cells[table.header.indexOf(name)]))),
  };
}
