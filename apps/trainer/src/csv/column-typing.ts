import { TrainerInputError } from '../errors/trainer-input.error';

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
/** At or above this share of numeric cells a column is numeric, and other cells are garbage. */
export const NUMERIC_SHARE = 0.9;
/** Categorical columns with more levels are identifiers or free text, not features. */
export const MAX_LEVELS = 50;

export type ColumnKind = 'numeric' | 'categorical';

export function isNumeric(cell: string): boolean {
  return NUMBER.test(cell);
}

/**
 * Numeric when every non-empty cell is a number; an error when nearly all are (garbage in a
 * numeric column, e.g. "12,5" or "n/a"), categorical otherwise.
 */
export function columnKind(name: string, cells: { line: number; value: string }[]): ColumnKind {
  const filled = cells.filter((c) => c.value !== '');
  const bad = filled.filter((c) => !isNumeric(c.value));
  if (filled.length === 0 || bad.length === 0) {
    return 'numeric';
  }
  if ((filled.length - bad.length) / filled.length >= NUMERIC_SHARE) {
    const shown = bad
      .slice(0, 3)
      .map((c) => `line ${c.line}: "${c.value}"`)
      .join('; ');
    throw new TrainerInputError(`column "${name}" is numeric but has ${bad.length} non-numeric value(s): ${shown}`);
  }
  return 'categorical';
}
