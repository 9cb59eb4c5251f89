import { selectChampion } from './champion-selection';

/** Rows 0..n-1 with bads at the given indices; a model's probabilities rank rows by `risk`. */
function world(n: number, bads: (i: number) => boolean): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => (bads(i) ? 1 : 0));
}

describe(selectChampion.name, () => {
  const n = 2000;
  const labels = world(n, (i) => i % 10 === 0);
  const noisy = Float64Array.from({ length: n }, (_, i) => ((i * 7919) % n) / n);
  const sharp = Float64Array.from({ length: n }, (_, i) => (labels[i] ? 0.9 : 0.1) + ((i * 7919) % n) / (10 * n));

  it('should keep the reference when no candidate lowers the bad rate with an interval above zero', () => {
    const result = selectChampion(
      { model: 'ref', probabilities: noisy },
      [{ model: 'same', probabilities: noisy }],
      labels,
      { approvalRate: 0.7, resamples: 200 },
    );
    expect(result.champion).toBe('ref');
    expect(result.candidates.map((c) => c.model)).toEqual(['ref', 'same']);
  });

  it('should choose the candidate whose paired interval of the reduction lies above zero', () => {
    const result = selectChampion(
      { model: 'ref', probabilities: noisy },
      [
        { model: 'ref', probabilities: noisy },
        { model: 'better', probabilities: sharp },
      ],
      labels,
      { approvalRate: 0.7, resamples: 200 },
    );
    expect(result.champion).toBe('better');
    const better = result.candidates.find((c) => c.model === 'better');
    expect(better?.reductionInterval?.[0]).toBeGreaterThan(0);
  });
});
