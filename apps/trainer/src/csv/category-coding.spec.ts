import { CATEGORY_SMOOTHING, fitCategoryCoding } from './category-coding';

describe(fitCategoryCoding.name, () => {
  // Overall default rate 0.5: a: 0/4 bad, b: 4/4 bad, c: 1/2 bad.
  const values = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'c', 'c'];
  const labels = [0, 0, 0, 0, 1, 1, 1, 1, 0, 1];

  it('should code categories by smoothed default rate, the safest first', () => {
    const coding = fitCategoryCoding(values, labels);
    expect(coding.categories).toEqual(['a', 'c', 'b']);
    expect(['a', 'b', 'c'].map(coding.code)).toEqual([0, 2, 1]);
  });

  it('should code a blank and a category never fitted as missing (NaN)', () => {
    const coding = fitCategoryCoding(values, labels);
    expect(coding.code('')).toBeNaN();
    expect(coding.code('d')).toBeNaN();
  });

  it('should pull a rare category towards the overall rate when it has few rows', () => {
    // "rare" is 1/1 bad (raw rate 1.0) but smoothed (1 + 10 * 0.4) / 11 ≈ 0.45, below "b" (3/4 bad
    // raw 0.75, smoothed (3 + 4) / 14 = 0.5), so it ranks below b.
    const coding = fitCategoryCoding(
      ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'rare'],
      [0, 0, 0, 0, 0, 1, 1, 1, 0, 1],
    );
    expect(CATEGORY_SMOOTHING).toBe(10);
    expect(coding.categories).toEqual(['a', 'rare', 'b']);
  });

  it('should order tied categories by name whatever the row order', () => {
    const forward = fitCategoryCoding(['y', 'x', 'y', 'x'], [0, 1, 1, 0]);
    const backward = fitCategoryCoding(['x', 'y', 'x', 'y'], [0, 1, 1, 0]);
    expect(forward.categories).toEqual(['x', 'y']);
    expect(backward.categories).toEqual(['x', 'y']);
  });

  it('should ignore blanks in the order but count their labels in the overall rate', () => {
    const coding = fitCategoryCoding(['', '', 'a', 'b'], [1, 1, 0, 1]);
    expect(coding.categories).toEqual(['a', 'b']);
  });
});
