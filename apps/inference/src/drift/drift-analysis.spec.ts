import { featureBaseline, scoreBaseline } from '@loanmesh/ml';

import { analysePeriod, type DriftThresholds, type ModelBaseline, type ScoredVector } from './drift-analysis';

const thresholds: DriftThresholds = { watch: 0.1, act: 0.25, minApplications: 20, missingJump: 0.2 };
const logit = (p: number) => Math.log(p / (1 - p));
/** 0, 1, ..., 99 in training: ten equal bins of ten values. */
const training = Array.from({ length: 100 }, (_, i) => i);
const baseline: ModelBaseline = {
  score: scoreBaseline(training.map((i) => (i + 0.5) / 100)),
  features: [featureBaseline('age', training)],
};

/** Off the baseline's edges by 0.1 point, so the logit round trip cannot move a row across one. */
function rows(values: readonly (number | null)[], pd = (i: number) => (i + 0.6) / values.length): ScoredVector[] {
  return values.map((x, i) => ({ logit: logit(pd(i)), features: [x, 1] }));
}

describe(analysePeriod.name, () => {
  it('should call a period like training stable', () => {
    const drift = analysePeriod(baseline, ['age'], rows(training), thresholds);

    expect(drift.score.status).toBe('stable');
    expect(drift.score.psi).toBeCloseTo(0, 6);
    expect(drift.features[0]).toMatchObject({ subject: 'age', status: 'stable' });
    expect(drift.features[0].psi).toBeCloseTo(0, 6);
  });

  it('should call a population moved into the top bins population drift to act on, with its characteristic shift', () => {
    const shifted = training.map((i) => 50 + (i % 50));

    const [age] = analysePeriod(baseline, ['age'], rows(shifted), thresholds).features;

    // Bins 6-10 at 0.2 each against 0.1, bins 1-5 empty (floored at 1e-4): PSI well above 0.25.
    expect(age.status).toBe('act');
    expect(age.psi).toBeGreaterThan(0.25);
    expect(age.bins.slice(5, 10).map((b) => b.actual)).toEqual([0.2, 0.2, 0.2, 0.2, 0.2]);
    expect(age.characteristic).not.toBeNull();
  });

  it('should call a feature gone constant a data problem, not population drift', () => {
    const [age] = analysePeriod(baseline, ['age'], rows(training.map(() => 42)), thresholds).features;

    expect(age.status).toBe('data-problem');
    expect(age.detail).toContain('constant at 42');
  });

  it('should call a jump in the missing share a data problem', () => {
    const values = training.map((i) => (i % 2 === 0 ? null : i));

    const [age] = analysePeriod(baseline, ['age'], rows(values), thresholds).features;

    expect(age.status).toBe('data-problem');
    expect(age.missingShare).toBe(0.5);
    expect(age.detail).toContain('missing in 50.0%');
  });

  it('should act on a score whose distribution moved, computed by hand', () => {
    // Half the applications spread over the bottom eight deciles, half in the top two:
    // 8 x (0.0625 - 0.1) ln(0.625) + 2 x (0.25 - 0.1) ln(2.5) = 0.141001 + 0.274887.
    // 160 applications at bin centres: ten in each of bins 0-7, forty in each of bins 8 and 9.
    const bins = Array.from({ length: 160 }, (_, i) => (i < 80 ? Math.floor(i / 10) : i < 120 ? 8 : 9));
    const period = bins.map((k) => ({ logit: logit((10 * k + 5.5) / 100), features: [50] }));

    const drift = analysePeriod(baseline, ['age'], period, thresholds);

    expect(drift.score.status).toBe('act');
    expect(drift.score.psi).toBeCloseTo(0.415888, 5);
  });

  it('should not judge a period with too few applications, nor a feature without a baseline', () => {
    const drift = analysePeriod(baseline, ['age', 'new_feature'], rows(training.slice(0, 10)), thresholds);

    expect(drift.score.status).toBe('insufficient-data');
    expect(drift.features[0].status).toBe('insufficient-data');
    expect(drift.features[1]).toMatchObject({ subject: 'new_feature', status: 'no-baseline', psi: null });
  });
});
