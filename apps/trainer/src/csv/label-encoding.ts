import { TrainerInputError } from '../errors/trainer-input.error';

const IMPLICIT_POSITIVE: Record<string, string> = { '0|1': '1', 'false|true': 'true', 'no|yes': 'yes', 'n|y': 'y' };

/** Label cells to 0/1. The label must have exactly two values; --positive names the bad one. */
export function encodeLabels(column: string, cells: { line: number; value: string }[], positive?: string): Uint8Array {
  const empty = cells.find((c) => c.value === '');
  if (empty) {
    throw new TrainerInputError(`label column "${column}" is empty on line ${empty.line}`);
  }
  const values = [...new Set(cells.map((c) => c.value))].sort();
  if (values.length !== 2) {
    const shown = values.slice(0, 5).join(', ') + (values.length > 5 ? ', ...' : '');
    throw new TrainerInputError(
      `label column "${column}" must be binary; found ${values.length} distinct value(s): ${shown}`,
    );
  }
  const bad = positive ?? IMPLICIT_POSITIVE[values.map((v) => v.toLowerCase()).join('|')];
  const match = values.find((v) => v === bad || v.toLowerCase() === bad?.toLowerCase());
  if (!match) {
    throw new TrainerInputError(
      positive
        ? `--positive "${positive}" is not a value of label column "${column}" (values: ${values.join(', ')})`
        : `cannot tell which label value is the positive (bad) class among ${values.join(', ')}; pass --positive <value>`,
    );
  }
  return Uint8Array.from(cells, (c) => (c.value === match ? 1 : 0));
}
