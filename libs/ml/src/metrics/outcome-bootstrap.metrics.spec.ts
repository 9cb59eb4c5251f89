import { SeededRandom } from '../common/seeded-random';
import { bootstrapOutcomeMetrics, weightedBrier, weightedKs } from './outcome-bootstrap.metrics';
import { ks } from './ranking.metrics';

const ascending = (p: ArrayLike<number>) =>
  Uint32Array.from({ length: p.length }, (_, i) => i).sort((a, b) => p[a] - p[b]);

function noisy(n: number, seed: number): { p: Float64Array; labels: Uint8Array } {
  const r = new SeededRandom(seed);
  const labels = Uint8Array.from({ length: n }, () => (r.next() < 0.2 ? 1 : 0));
  const p = Float64Array.from(labels, (y) => Math.min(0.99, Math.max(0.01, 0.15 + 0.2 * y + 0.3 * (r.next() - 0.5))));
  return { p, labels };
}

describe('bootstrapOutcomeMetrics', () => {
  const p = [0.1, 0.2, 0.3, 0.4];
  const y = [0, 1, 0, 1];

  it('should compute the weighted KS by hand on four rows', () => {
    // Unweighted: goods at 0.1 and 0.3, bads at 0.2 and 0.4; the CDF gap peaks at 1/2.
    expect(weightedKs(p, y, [1, 1, 1, 1], ascending(p))).toBeCloseTo(0.5, 12);
    expect(ks(p, y)).toBeCloseTo(0.5, 12);
    // The first good drawn twice: after 0.1 the goods' CDF is 2/3 and the bads' 0.
    expect(weightedKs(p, y, [2, 1, 1, 1], ascending(p))).toBeCloseTo(2 / 3, 12);
  });

  it('should compute the weighted Brier score by hand', () => {
    // (2 * 0.01 + 0.64 + 0.09 + 0.36) / 5.
    expect(weightedBrier(p, y, [2, 1, 1, 1])).toBeCloseTo(0.222, 12);
  });

  it('should give point values, degenerate intervals and the outcome counts for a perfectly separating model', () => {
    const result = bootstrapOutcomeMetrics([[0.1, 0.2, 0.8, 0.9]], [0, 0, 1, 1], {
      approvalRate: 0.5,
      resamples: 200,
    });

    const [m] = result.models;
    expect(m.n).toBe(4);
    expect(m.bads).toBe(2);
    expect(m.auc.value).toBe(1);
    expect(m.ks.value).toBe(1);
    expect(m.badRateAtApproval.value).toBe(0);
    expect(m.observedDefaultRate.value).toBe(0.5);
    expect(m.expectedDefaultRate.value).toBeCloseTo(0.5, 12);
    expect(m.brier.value).toBeCloseTo((0.01 + 0.04 + 0.04 + 0.01) / 4, 12);
    // A resample with only one class has AUC 0.5 by convention, so only the upper end is pinned.
    expect(m.auc.interval[1]).toBe(1);
    // Most draws approve goods only; a draw of bads only approves bads.
    expect(m.badRateAtApproval.interval[0]).toBe(0);
  });

  it('should repeat exactly for a seed, differ for another, and bracket the point estimate', () => {
    const { p: scores, labels } = noisy(2000, 3);
    const options = { approvalRate: 0.7, resamples: 300, seed: 11 };

    const first = bootstrapOutcomeMetrics([scores], labels, options);

    expect(bootstrapOutcomeMetrics([scores], labels, options)).toEqual(first);
    expect(bootstrapOutcomeMetrics([scores], labels, { ...options, seed: 12 }).models[0].auc.interval).not.toEqual(
      first.models[0].auc.interval,
    );
    for (const key of ['auc', 'ks', 'badRateAtApproval', 'brier'] as const) {
      const e = first.models[0][key];
      expect(e.interval[0]).toBeLessThanOrEqual(e.value);
      expect(e.interval[1]).toBeGreaterThanOrEqual(e.value);
      expect(e.interval[1]).toBeGreaterThan(e.interval[0]);
    }
  });

  it('should pair the draws: a model compared with itself gains exactly nothing', () => {
    const { p: scores, labels } = noisy(500, 5);

    const result = bootstrapOutcomeMetrics([scores, scores], labels, { approvalRate: 0.7, resamples: 200 });

    expect(result.aucGainOverFirst).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(result.models[1]).toEqual(result.models[0]);
  });
});
