import { SeededRandom } from '../common/seeded-random';
import { badRateAtApproval } from './approval.metrics';
import { pairedBootstrap, weightedAuc, weightedBadRate } from './bootstrap.metrics';
import { applyCalibration, fitPlatt, largestCalibrationGap } from './platt.calibration';
import { calibrationByDecile } from './calibration.metrics';
import { auc } from './ranking.metrics';

/** Box-Muller from the library's uniform generator. */
function normal(r: SeededRandom): number {
  return Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next());
}

function scored(n: number, seed: number, signal: number): { labels: Uint8Array; p: Float64Array } {
  const r = new SeededRandom(seed);
  const labels = new Uint8Array(n);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = r.next() < 0.1 ? 1 : 0;
    p[i] = 1 / (1 + Math.exp(-(-2.5 + signal * labels[i] + normal(r))));
  }
  return { labels, p };
}

const order = (p: ArrayLike<number>) => Uint32Array.from({ length: p.length }, (_, i) => i).sort((a, b) => p[a] - p[b]);

describe('pairedBootstrap', () => {
  const { labels, p } = scored(3000, 1, 1.5);

  it('should equal the plain AUC and bad rate when every row is drawn once', () => {
    const ones = new Float64Array(p.length).fill(1);
    expect(weightedAuc(p, labels, ones, order(p))).toBeCloseTo(auc(p, labels), 10);
    expect(weightedBadRate(labels, ones, order(p), 0.7)).toBeCloseTo(badRateAtApproval(p, labels, 0.7), 10);
  });

  it('should give a zero-width difference interval when both sides are the same model', () => {
    const result = pairedBootstrap(p, p, labels, { approvalRate: 0.7, resamples: 200 });
    expect(result.badRateReductionPp).toEqual([0, 0]);
    expect(result.aucGain).toEqual([0, 0]);
    expect(result.a.auc[0]).toBeLessThan(auc(p, labels));
    expect(result.a.auc[1]).toBeGreaterThan(auc(p, labels));
  });

  it('should exclude zero from the difference when one model is clearly better, and repeat for a seed', () => {
    const better = scored(3000, 1, 3).p;
    const result = pairedBootstrap(p, better, labels, { approvalRate: 0.7, resamples: 200, seed: 7 });
    expect(result.badRateReductionPp[0]).toBeGreaterThan(0);
    expect(result.aucGain[0]).toBeGreaterThan(0);
    expect(pairedBootstrap(p, better, labels, { approvalRate: 0.7, resamples: 200, seed: 7 })).toEqual(result);
  });
});

describe('fitPlatt', () => {
  it('should shrink the largest decile gap of a miscalibrated model while keeping its order', () => {
    const { labels, p } = scored(5000, 3, 2);
    const inflated = p.map((x) => Math.min(0.99, 2.5 * x));
    const calibration = fitPlatt(inflated, labels, 'test');
    const served = inflated.map((x) => applyCalibration(calibration, x));
    expect(largestCalibrationGap(calibrationByDecile(inflated, labels))).toBeGreaterThan(0.02);
    expect(largestCalibrationGap(calibrationByDecile(served, labels))).toBeLessThan(
      largestCalibrationGap(calibrationByDecile(inflated, labels)) / 2,
    );
    expect(auc(served, labels)).toBeCloseTo(auc(inflated, labels), 10);
  });

  it('should leave the probability unchanged when there is no calibration', () => {
    expect(applyCalibration(null, 0.123)).toBe(0.123);
  });
});
