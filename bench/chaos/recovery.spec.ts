import { type ApplicationOutcome, longestDecisionGap, recoveryAfter } from './recovery';

/** `perSecond` applications a second for `seconds` from t=0, decided after `latency(second)` ms (undefined: never). */
function stream(
  seconds: number,
  latency: (second: number) => number | undefined,
  perSecond = 10,
): ApplicationOutcome[] {
  return Array.from({ length: seconds * perSecond }, (_, i) => {
    const submittedAt = Math.floor((i * 1000) / perSecond);
    const ms = latency(Math.floor(submittedAt / 1000));
    return { submittedAt, decidedAt: ms === undefined ? undefined : submittedAt + ms, degraded: false };
  });
}

describe(recoveryAfter.name, () => {
  it('should report 0 s when every application after the fault is served normally', () => {
    expect(
      recoveryAfter(
        stream(30, () => 200),
        10_000,
      ),
    ).toEqual({ seconds: 0, recovered: true });
  });

  it('should report the start of the first five healthy seconds when the pipeline catches up', () => {
    // Slow until second 17, then normal: recovered 7 s after a fault ending at 10 s.
    expect(
      recoveryAfter(
        stream(40, (s) => (s < 17 ? 4000 : 300)),
        10_000,
      ),
    ).toEqual({ seconds: 7, recovered: true });
  });

  it('should not count a single healthy second inside a slow stretch as recovery', () => {
    const latency = (s: number): number => (s === 12 || s >= 20 ? 300 : 3000);
    expect(recoveryAfter(stream(40, latency), 10_000)).toEqual({ seconds: 10, recovered: true });
  });

  it('should treat lost and degraded applications as unhealthy when they are more than the allowed share', () => {
    const apps = stream(40, (s) => (s < 25 ? undefined : 300));
    expect(recoveryAfter(apps, 10_000).seconds).toBe(15);
    const degraded = stream(40, () => 300).map((a) => ({ ...a, degraded: a.submittedAt < 30_000 }));
    expect(recoveryAfter(degraded, 10_000)).toEqual({ seconds: 20, recovered: true });
  });

  it('should say not recovered, with the observed span, when the stream ends before recovery', () => {
    expect(
      recoveryAfter(
        stream(40, () => 5000),
        10_000,
      ),
    ).toEqual({ seconds: 30, recovered: false });
  });

  it('should say not recovered when no application was submitted after the fault', () => {
    expect(
      recoveryAfter(
        stream(10, () => 100),
        20_000,
      ),
    ).toEqual({ seconds: 0, recovered: false });
  });
});

describe(longestDecisionGap.name, () => {
  it('should report the longest pause between decisions after the fault started', () => {
    expect(longestDecisionGap([1000, 2000, 3000, 15_000, 15_500], 2500, 20_000)).toBe(12);
  });

  it('should count from the fault start to the first decision when decisions resume late', () => {
    expect(longestDecisionGap([1000, 30_000, 30_100], 5000, 40_000)).toBe(25);
  });

  it('should report the whole observed span when nothing was decided after the fault', () => {
    expect(longestDecisionGap([1000], 5000, 65_000)).toBe(60);
  });
});
