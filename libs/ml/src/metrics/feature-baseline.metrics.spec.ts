import { featureBaseline, featureDistribution } from './feature-baseline.metrics';
import { psiOfShares } from './psi.metrics';

describe('feature baselines and PSI', () => {
  it('should compute PSI of two share vectors as sum (a - e) ln(a / e)', () => {
    // By hand: (0.25 - 0.5) ln(0.5) + (0.75 - 0.5) ln(1.5) = 0.173287 + 0.101366.
    expect(psiOfShares([0.5, 0.5], [0.25, 0.75])).toBeCloseTo(0.274653, 6);
    expect(psiOfShares([0.2, 0.3, 0.5], [0.2, 0.3, 0.5])).toBe(0);
  });

  it('should keep present values in decile bins and missing values in a share of their own', () => {
    const b = featureBaseline('x', [1, 2, 3, 4, Number.NaN], 2);

    expect(b).toMatchObject({ feature: 'x', edges: [3], proportions: [0.4, 0.4] });
    expect(b.missingShare).toBeCloseTo(0.2, 12);
  });

  it('should bin a period like its baseline and give the PSI over bins and the missing share', () => {
    const b = featureBaseline('x', [1, 2, 3, 4, Number.NaN], 2);

    const d = featureDistribution(b, [1, 1, 5, null]);

    expect(d.shares).toEqual([0.5, 0.25, 0.25]);
    expect(d.missingShare).toBe(0.25);
    expect(d.distinctPresent).toBe(2);
    // By hand: 0.1 ln(0.5/0.4) + (-0.15) ln(0.25/0.4) + 0.05 ln(0.25/0.2).
    expect(d.psi).toBeCloseTo(0.1039722, 6);
  });

  it('should count one distinct present value when a feature is constant', () => {
    const b = featureBaseline('x', [1, 2, 3, 4], 2);

    expect(featureDistribution(b, [7, 7, Number.NaN, 7]).distinctPresent).toBe(1);
  });
});
