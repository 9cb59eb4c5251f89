import { SeededRandom } from '@loanmesh/ml';

import type { CsvTable } from '../../apps/trainer/src/csv/csv.parser';

/**
 * Blanks exactly round(share x feature cells) cells of the table, chosen by a seeded partial
 * shuffle; the label column is never touched. Cells that are blank already count as chosen
 * too, so on a table without blanks the result holds exactly that many empty feature cells.
 */
export function blankCells(table: CsvTable, labelColumn: string, share: number, seed: number): CsvTable {
  const label = table.header.indexOf(labelColumn);
  if (label < 0) {
    throw new Error(`label column "${labelColumn}" is not in the header`);
  }
  if (!(share >= 0 && share <= 1)) {
    throw new Error(`share must be in [0, 1], got ${share}`);
  }
  const features = table.header.map((_, c) => c).filter((c) => c !== label);
  const cellCount = table.rows.length * features.length;
  const wanted = Math.round(share * cellCount);
  // Partial Fisher-Yates over cell ids (row * features + k): the first `wanted` are blanked.
  const ids = Uint32Array.from({ length: cellCount }, (_, i) => i);
  const random = new SeededRandom(seed);
  for (let i = 0; i < wanted; i++) {
    const j = i + random.int(cellCount - i);
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  const rows = table.rows.map((r) => ({ line: r.line, cells: [...r.cells] }));
  for (let i = 0; i < wanted; i++) {
    const row = Math.floor(ids[i] / features.length);
    rows[row].cells[features[ids[i] % features.length]] = '';
  }
  return { header: [...table.header], rows };
}

/** CSV text that `parseCsv` reads back to the same cells (fields with commas or quotes are quoted). */
export function toCsvText(table: CsvTable): string {
  const field = (cell: string) => (/[",']/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return [table.header, ...table.rows.map((r) => r.cells)].map((cells) => cells.map(field).join(',')).join('\n') + '\n';
}
