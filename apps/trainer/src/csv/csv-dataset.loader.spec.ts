import { TrainerInputError } from '../errors/trainer-input.error';
import { loadCsvDataset } from './csv-dataset.loader';

const csv = (lines: string[]) => lines.join('\n') + '\n';
const base = [
  '"age","purpose","const","class"',
  "30,'radio/tv',x,good",
  '45,car,x,bad',
  "22,'radio/tv',x,bad",
  '51,car,x,good',
];

describe('loadCsvDataset', () => {
  it('should strip quotes, one-hot categoricals and drop a constant column with a warning', () => {
    const loaded = loadCsvDataset(csv(base), { label: 'class', positive: 'bad' });
    expect(loaded.dataset.featureNames).toEqual(['age', 'purpose=car', 'purpose=radio/tv']);
    expect(Array.from(loaded.dataset.rows[0])).toEqual([30, 0, 1]);
    expect(Array.from(loaded.dataset.labels)).toEqual([0, 1, 1, 0]);
    expect(loaded.warnings).toEqual(['column "const" is constant and was dropped']);
    expect(loaded.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['an empty file', '', {}, /empty/],
    ['a header without rows', '"a","class"\n', {}, /no data rows/],
    ['a missing label column', csv(base), { label: 'target' }, /column "target" not found/],
    ['a non-binary label', csv([...base, '33,car,x,maybe']), {}, /must be binary; found 3/],
    ['an unknown positive value', csv(base), { positive: 'default' }, /--positive "default" is not a value/],
    ['no positive for text labels', csv(base), { positive: undefined }, /pass --positive/],
    [
      'garbage in a numeric column',
      csv([...base, ...Array.from({ length: 12 }, (_, i) => `${20 + i},car,x,good`), 'n/a,car,x,bad']),
      {},
      /column "age" is numeric but has 1 non-numeric value\(s\): line 18: "n\/a"/,
    ],
    ['a ragged row', csv([...base, '1,2']), {}, /line 6: expected 4 fields, found 2/],
  ])('should fail with a clear TrainerInputError when given %s', (_case, text, overrides, message) => {
    const act = () => loadCsvDataset(text, { label: 'class', positive: 'bad', ...overrides });
    expect(act).toThrow(TrainerInputError);
    expect(act).toThrow(message);
  });

  it('should keep blank cells missing (NaN) without imputing and warn when values are missing', () => {
    const loaded = loadCsvDataset(csv([...base, ',,x,good']), { label: 'class', positive: 'bad' });
    expect(Array.from(loaded.dataset.rows[4])).toEqual([NaN, NaN, NaN]);
    expect(loaded.warnings).toContain('column "age": 1 blank cell(s) kept as missing (NaN), not imputed');
  });

  it('should fit levels and constant columns on the fit rows only when given the training rows', () => {
    const text = csv([
      '"age","purpose","const","class"',
      '30,car,x,good',
      '45,bus,y,bad',
      '22,boat,z,bad',
      '51,car,x,good',
    ]);
    const loaded = loadCsvDataset(text, { label: 'class', positive: 'bad' }, () => [0, 1, 3]);
    expect(loaded.dataset.featureNames).toEqual(['age', 'purpose=bus', 'purpose=car', 'const=x', 'const=y']);
    // A level the fit rows never had is none of the known levels.
    expect(Array.from(loaded.dataset.rows[2])).toEqual([22, 0, 0, 0, 0]);
  });

  it('should encode each kept column from its own cells when a column before it is dropped', () => {
    const text = csv(['"const","age","class"', 'x,30,good', 'x,45,bad', 'x,22,bad']);
    const loaded = loadCsvDataset(text, { label: 'class', positive: 'bad' });
    expect(loaded.dataset.rows.map((r) => r[0])).toEqual([30, 45, 22]);
  });

  it('should infer the positive class when the label is 0/1', () => {
    const loaded = loadCsvDataset(csv(['x,y', '1,0', '2,1']), { label: 'y' });
    expect(Array.from(loaded.dataset.labels)).toEqual([0, 1]);
  });
});
