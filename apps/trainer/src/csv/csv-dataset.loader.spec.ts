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
  it('should strip quotes, code each categorical as one feature and drop a constant column with a warning', () => {
    const loaded = loadCsvDataset(csv(base), { label: 'class', positive: 'bad' });
    expect(loaded.dataset.featureNames).toEqual(['age', 'purpose']);
    // car and radio/tv both default once in two: tied, ordered by name.
    expect(loaded.spec[1].categories).toEqual(['car', 'radio/tv']);
    expect(Array.from(loaded.dataset.rows[0])).toEqual([30, 1]);
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
    expect(Array.from(loaded.dataset.rows[4])).toEqual([NaN, NaN]);
    expect(loaded.warnings).toContain('column "age": 1 blank cell(s) kept as missing (NaN), not imputed');
  });

  it('should fit categories and constant columns on the fit rows only when given the training rows', () => {
    const text = csv([
      '"age","purpose","const","class"',
      '30,car,x,good',
      '45,bus,y,bad',
      '22,boat,z,bad',
      '51,car,x,good',
    ]);
    const loaded = loadCsvDataset(text, { label: 'class', positive: 'bad' }, () => [0, 1, 3]);
    expect(loaded.dataset.featureNames).toEqual(['age', 'purpose', 'const']);
    expect(loaded.spec[1].categories).toEqual(['car', 'bus']);
    // A category the fit rows never had is missing, not a code of another category.
    expect(Array.from(loaded.dataset.rows[2])).toEqual([22, NaN, NaN]);
  });

  it('should code categories the same whatever the rows outside the fit rows say', () => {
    // Rows 0-5 are the training split; rows 6-9 play the test split, where "car" is always bad.
    const header = '"purpose","class"';
    const train = ['car,good', 'car,good', 'car,bad', 'bus,bad', 'bus,bad', 'bus,good'];
    const test = (label: string) => [`car,${label}`, `car,${label}`, `car,${label}`, `car,${label}`];
    const fitRows = () => [0, 1, 2, 3, 4, 5];
    const options = { label: 'class', positive: 'bad' };
    const allBad = loadCsvDataset(csv([header, ...train, ...test('bad')]), options, fitRows);
    const allGood = loadCsvDataset(csv([header, ...train, ...test('good')]), options, fitRows);
    // Over all rows car would be the riskier category (5 bad in 7); in training it is the safer.
    expect(allBad.spec[0].categories).toEqual(['car', 'bus']);
    expect(allGood.spec[0].categories).toEqual(['car', 'bus']);
    expect(allBad.dataset.rows.map((r) => r[0])).toEqual(allGood.dataset.rows.map((r) => r[0]));
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
