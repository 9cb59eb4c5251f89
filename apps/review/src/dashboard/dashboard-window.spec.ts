import { isLive, type WindowDecision, windowFigures } from './dashboard-window';

const FROM = Date.parse('2026-12-01T10:00:00Z');
const HOUR = 3_600_000;

function decision(o: Partial<WindowDecision> = {}): WindowDecision {
  const submittedAt = o.submittedAt === undefined ? FROM + 60_000 : o.submittedAt;
  return {
    decidedAt: new Date((submittedAt ?? FROM) + 400),
    outcome: 'APPROVED',
    automatic: true,
    submittedAt,
    decidedAtHop: submittedAt === null ? null : submittedAt + 400,
    incomplete: false,
    ruleHits: [],
    ...o,
  };
}

describe('windowFigures', () => {
  it('should leave backlog applications submitted before the window out of time to decision', () => {
    const backlog = decision({
      submittedAt: FROM - 3 * 365 * 24 * HOUR,
      decidedAtHop: FROM + 1000,
      decidedAt: new Date(FROM + 1000),
    });
    const sut = windowFigures([decision(), decision(), backlog], FROM, FROM + HOUR, HOUR);
    expect(sut.timeToDecisionMs).toEqual({ p50: 400, p95: 400, p99: 400, sample: 2 });
    expect(isLive(backlog, FROM)).toBe(false);
  });

  it('should count officers decisions as live but keep them out of automation and timing', () => {
    const officer = decision({ automatic: false, submittedAt: null, decidedAtHop: null, outcome: 'DECLINED' });
    const referred = decision({ outcome: 'REFERRED', ruleHits: ['GUARANTEE_CIRCLE'] });
    const sut = windowFigures([decision(), referred, officer], FROM, FROM + HOUR, HOUR);
    expect(sut.automationRate).toBe(0.5);
    expect(sut.timeToDecisionMs.sample).toBe(1);
    expect(sut.outcomes).toEqual([
      { outcome: 'APPROVED', automatic: true, count: 1 },
      { outcome: 'DECLINED', automatic: false, count: 1 },
      { outcome: 'REFERRED', automatic: true, count: 1 },
    ]);
    expect(sut.referralsByReason).toEqual([{ code: 'GUARANTEE_CIRCLE', count: 1 }]);
  });

  it('should give every bucket of the window a point, empty ones without figures', () => {
    const sut = windowFigures([decision()], FROM, FROM + 3 * HOUR, HOUR);
    expect(sut.series.map((p) => [p.decisions, p.p50, p.automationRate])).toEqual([
      [1, 400, 1],
      [0, null, null],
      [0, null, null],
    ]);
  });
});
