import type { CsvTable } from '../../apps/trainer/src/csv/csv.parser';
import { parseCsv } from '../../apps/trainer/src/csv/csv.parser';
import { blankCells, toCsvText } from './cell-blanking';

function table(rows: number): CsvTable {
  return {
    header: ['amount', 'purpose', 'class', 'age'],
    rows: Array.from({ length: rows }, (_, i) => ({
      line: i + 2,
      cells: [String(100 + i), i % 2 ? 'radio/tv' : 'new car', i % 3 ? 'good' : 'bad', String(20 + (i % 40))],
    })),
  };
}

const blanksIn = (t: CsvTable, column: number) => t.rows.filter((r) => r.cells[column] === '').length;

describe('blankCells', () => {
  it('blanks exactly the share of feature cells and never the label', () => {
    const out = blankCells(table(500), 'class', 0.2, 7);
    const feature = [0, 1, 3].reduce((s, c) => s + blanksIn(out, c), 0);
    expect(feature).toBe(300);
    expect(blanksIn(out, 2)).toBe(0);
    expect(out.rows.map((r) => r.cells[2])).toEqual(table(500).rows.map((r) => r.cells[2]));
  });

  it('spreads the blanks over every feature column', () => {
    const out = blankCells(table(500), 'class', 0.2, 7);
    for (const c of [0, 1, 3]) {
      expect(blanksIn(out, c)).toBeGreaterThan(70);
      expect(blanksIn(out, c)).toBeLessThan(130);
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = blankCells(table(200), 'class', 0.2, 1);
    expect(blankCells(table(200), 'class', 0.2, 1)).toEqual(a);
    expect(blankCells(table(200), 'class', 0.2, 2)).not.toEqual(a);
  });

  it('leaves the input table untouched and only empties cells', () => {
    const input = table(100);
    const out = blankCells(input, 'class', 0.5, 3);
    expect(input).toEqual(table(100));
    out.rows.forEach((r, i) => r.cells.forEach((c, k) => expect(c === '' || c === input.rows[i].cells[k]).toBe(true)));
  });

  it('refuses an unknown label column or a share outside [0, 1]', () => {
    expect(() => blankCells(table(10), 'label', 0.2, 1)).toThrow(/label column "label"/);
    expect(() => blankCells(table(10), 'class', 1.5, 1)).toThrow(/share/);
  });
});

describe('toCsvText', () => {
  it('is read back by the trainer parser to the same cells, blanks and quotes included', () => {
    const t: CsvTable = {
      header: ['a', 'b', 'class'],
      rows: [
        { line: 2, cells: ['<0', 'x, y', 'good'] },
        { line: 3, cells: ['', 'say "hi"', 'bad'] },
        { line: 4, cells: ["it's", '', 'good'] },
      ],
    };
    const back = parseCsv(toCsvText(t));
    expect(back.header).toEqual(t.header);
    expect(back.rows.map((r) => r.cells)).toEqual(t.rows.map((r) => r.cells));
  });
});
