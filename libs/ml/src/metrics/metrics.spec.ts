import { badRateAtApproval } from './approval.metrics';
import { calibrationByDecile } from './calibration.metrics';
import { psi, scoreBaseline } from './psi.metrics';
import { auc, brier, gini, ks } from './ranking.metrics';

describe('metrics', () => {
  const scores = [0.1, 0.4, 0.35, 0.8];
  const labels = [0, 0, 1, 1];

  it('should give the pair-counting AUC when scores are hand-checked', () => {
    // positives 0.35, 0.8 vs negatives 0.1, 0.4: pairs won 1+0+1+1 = 3 of 4
    expect(auc(scores, labels)).toBeCloseTo(0.75, 12);
    expect(gini(0.75)).toBeCloseTo(0.5, 12);
  });

  it('should count a tie as half a pair when scores are equal', () => {
    expect(auc([0.5, 0.5], [0, 1])).toBe(0.5);
  });

  it('should give the largest CDF gap when computing KS', () => {
    // thresholds after 0.1: goods 1/2, bads 0 -> 0.5; after 0.35: 0.5 vs 0.5; after 0.4: 1 vs 0.5 -> 0.5
    expect(ks(scores, labels)).toBeCloseTo(0.5, 12);
    expect(ks([0.1, 0.9], [0, 1])).toBe(1);
  });

  it('should average squared errors when computing the Brier score', () => {
    expect(brier(scores, labels)).toBeCloseTo((0.01 + 0.16 + 0.4225 + 0.04) / 4, 12);
  });

  it('should report mean predicted and observed rate per group when calibrating', () => {
    const bins = calibrationByDecile([0.1, 0.2, 0.3, 0.9], [0, 0, 1, 1], 2);
    expect(bins).toEqual([
      { decile: 1, count: 2, meanPredicted: expect.closeTo(0.15, 12) as number, observedRate: 0 },
      { decile: 2, count: 2, meanPredicted: expect.closeTo(0.6, 12) as number, observedRate: 1 },
    ]);
  });

  it('should be zero for the baseline itself and grow when scores shift', () => {
    const base = Array.from({ length: 1000 }, (_, i) => i / 1000);
    const baseline = scoreBaseline(base);
    expect(baseline.proportions.every((p) => Math.abs(p - 0.1) < 1e-12)).toBe(true);
    expect(psi(baseline, base)).toBeCloseTo(0, 12);
    expect(
      psi(
        baseline,
        base.map((s) => s * 0.5),
      ),
    ).toBeGreaterThan(0.25);
  });

  it('should give the bad rate of the approved share when ranking by risk', () => {
    expect(badRateAtApproval([0.1, 0.2, 0.3, 0.4], [0, 1, 0, 1], 0.5)).toBe(0.5);
    expect(badRateAtApproval([0.1, 0.2, 0.3, 0.4], [0, 0, 1, 1], 0.5)).toBe(0);
  });
});
