import { TrainerInputError } from '../errors/trainer-input.error';

export interface CsvTable {
  header: string[];
  /** Data rows with their 1-based line numbers for error messages. */
  rows: { line: number; cells: string[] }[];
}

/**
 * RFC 4180-style parsing (double-quoted fields may hold commas), then every cell and header
 * is trimmed and one pair of surrounding single or double quotes is stripped ('<0' becomes <0).
 */
export function parseCsv(text: string): CsvTable {
  const lines = text
    .split(/\r?\n/)
    .map((l, i) => ({ line: i + 1, text: l }))
    .filter((l) => l.text.trim() !== '');
  if (lines.length === 0) {
    throw new TrainerInputError('the CSV file is empty');
  }
  const header = splitLine(lines[0].text).map(clean);
  if (new Set(header).size !== header.length) {
    throw new TrainerInputError(`duplicate column names in the header: ${header.join(', ')}`);
  }
  const rows = lines.slice(1).map(({ line, text: t }) => {
    const cells = splitLine(t).map(clean);
    if (cells.length !== header.length) {
      throw new TrainerInputError(`line ${line}: expected ${header.length} fields, found ${cells.length}`);
    }
    return { line, cells };
  });
  if (rows.length === 0) {
    throw new TrainerInputError('the CSV file has a header but no data rows');
  }
  return { header, rows };
}

function splitLine(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"' && quoted && line[i + 1] === '"') {
      current += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      cells.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  cells.push(current);
  return cells;
}

function clean(cell: string): string {
  const t = cell.trim();
  const quotedWith = (q: string) => t.length >= 2 && t.startsWith(q) && t.endsWith(q);
  return quotedWith("'") || quotedWith('"') ? t.slice(1, -1).trim() : t;
}
