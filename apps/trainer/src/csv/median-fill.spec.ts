import { fillWithTrainingMedians } from './median-fill';

describe('fillWithTrainingMedians', () => {
  it('should fill missing cells with the median of the fit rows only when other rows differ', () => {
    const data = {
      featureNames: ['a', 'b'],
      rows: [
        Float64Array.from([1, 5]),
        Float64Array.from([3, NaN]),
        Float64Array.from([NaN, 7]),
        Float64Array.from([100, 9]),
      ],
      labels: Uint8Array.from([0, 1, 0, 1]),
    };
    const { dataset, warnings } = fillWithTrainingMedians(data, [0, 1, 2]);
    expect(dataset.rows.map((r) => Array.from(r))).toEqual([
      [1, 5],
      [3, 7],
      [3, 7],
      [100, 9],
    ]);
    expect(warnings).toEqual([
      'feature "a": 1 missing cell(s) filled with the training-split median 3',
      'feature "b": 1 missing cell(s) filled with the training-split median 7',
    ]);
    expect(Number.isNaN(data.rows[1][1])).toBe(true);
  });
});
