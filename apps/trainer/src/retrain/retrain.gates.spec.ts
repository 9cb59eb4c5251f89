import { type GateThresholds, outcomeGates, reasonOverlap, reasonStabilityGate } from './retrain.gates';

const thresholds: GateThresholds = {
  minOutcomes: 10,
  aucMargin: 0.02,
  maxCalibrationGap: 0.05,
  minReasonOverlap: 0.5,
  approvalRate: 0.7,
  resamples: 200,
  seed: 1,
};

/** 40 outcomes, every fourth a default; `rank` orders PDs so defaults are found or missed. */
function holdout(challengerFindsDefaults: boolean) {
  const labels = Uint8Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? 1 : 0));
  const good = Float64Array.from(labels, (y, i) => (y ? 0.3 : 0.2) + i * 1e-4);
  const bad = Float64Array.from(labels, (y, i) => (y ? 0.2 : 0.3) + i * 1e-4);
  return {
    labels,
    championPd: good,
    challengerPd: challengerFindsDefaults ? good.map((p) => p + 1e-6) : bad,
    championReasons: [],
    challengerReasons: [],
  };
}

describe(outcomeGates.name, () => {
  it('should pass outcomes when the challenger ranks as well as the champion', () => {
    const { gates, comparison } = outcomeGates(holdout(true), thresholds);

    expect(gates.find((g) => g.gate === 'outcomes')?.passed).toBe(true);
    expect(comparison?.models[1].n).toBe(40);
  });

  it('should fail outcomes when the whole AUC gain interval is below minus the margin', () => {
    const { gates } = outcomeGates(holdout(false), thresholds);

    expect(gates.find((g) => g.gate === 'outcomes')).toMatchObject({ passed: false });
  });

  it('should fail calibration when the challenger is further from the observed rate than allowed', () => {
    const h = holdout(true);
    // Observed default rate 0.25; mean PD about 0.5 is 0.25 off, the champion's about 0.02.
    const { gates } = outcomeGates({ ...h, challengerPd: h.championPd.map((p) => p + 0.25) }, thresholds);

    expect(gates.find((g) => g.gate === 'calibration')?.passed).toBe(false);
  });

  it('should fail both outcome gates, not judged, when the outcomes hold no default', () => {
    const h = holdout(true);
    const { gates, comparison } = outcomeGates({ ...h, labels: new Uint8Array(40) }, thresholds);

    expect(comparison).toBeNull();
    expect(gates.map((g) => [g.gate, g.passed])).toEqual([
      ['outcomes', false],
      ['calibration', false],
    ]);
  });
});

describe(reasonStabilityGate.name, () => {
  it('should take the mean Jaccard overlap per application when the reasons differ', () => {
    const gate = reasonStabilityGate(
      [
        ['M-a', 'M-b'],
        ['M-c', 'M-d'],
      ],
      [
        ['M-a', 'M-b'],
        ['M-c', 'M-e'],
      ],
      0.7,
    );

    expect(gate.passed).toBe(false);
    expect(gate.detail).toContain('0.667');
  });

  it('should count two applications without reasons as agreeing', () => {
    expect(reasonOverlap([], [])).toBe(1);
    expect(reasonOverlap(['M-a'], [])).toBe(0);
  });
});
