import { featureReferences } from './feature-references';

describe(featureReferences.name, () => {
  it('should give each feature its training median, the mean of the middle two for an even count', () => {
    const rows = [
      [1, 10],
      [7, 0],
      [3, 5],
      [100, 0],
    ].map((r) => Float64Array.from(r));
    const refs = featureReferences({ featureNames: ['a', 'b'], rows, labels: new Uint8Array(4) });
    expect(refs).toEqual({ statistic: 'median', sample: 'train', rows: 4, references: { a: 5, b: 2.5 } });
  });

  it('should take the middle value for an odd count', () => {
    const rows = [[4], [-2], [9]].map((r) => Float64Array.from(r));
    expect(featureReferences({ featureNames: ['a'], rows, labels: new Uint8Array(3) }).references.a).toBe(4);
  });
});
