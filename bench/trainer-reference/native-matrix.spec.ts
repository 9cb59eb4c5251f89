import { loadCsvDataset } from '../../apps/trainer/src/csv/csv-dataset.loader';
import { parseCsv } from '../../apps/trainer/src/csv/csv.parser';
import { nativeMatrix } from './native-matrix';

const rows = Array.from({ length: 40 }, (_, i) => {
  const amount = i === 3 ? '' : String(1000 + i);
  const purpose = i === 5 ? '' : ['car', 'tv', 'education'][i % 3];
  return `${amount},${purpose},same,${i % 2 ? 'good' : 'bad'}`;
});
const text = ['amount,purpose,constant,class', ...rows].join('\n');

describe('nativeMatrix', () => {
  const loaded = loadCsvDataset(text, { label: 'class', positive: 'bad' });
  const native = nativeMatrix(parseCsv(text), loaded.spec);

  it('keeps the columns the loader keeps, with their kinds', () => {
    expect(native.columns).toEqual(['amount', 'purpose']);
    expect(native.categorical).toEqual([false, true]);
  });

  it('passes numbers as given, categories as sorted level codes and blanks as null (no one-hot)', () => {
    expect(native.rows[0]).toEqual([1000, 0]);
    expect(native.rows[1]).toEqual([1001, 2]); // levels sorted: car, education, tv
    expect(native.rows[2]).toEqual([1002, 1]);
    expect(native.rows[3][0]).toBeNull();
    expect(native.rows[5][1]).toBeNull();
    // Our loader keeps the same blank missing too (NaN), so both learners see the same gaps.
    expect(loaded.dataset.rows[3][0]).toBeNaN();
  });
});
