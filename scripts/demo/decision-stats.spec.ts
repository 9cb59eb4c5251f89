import type { DecisionMadeEvent } from '@loanmesh/contracts';

import { decisionStats, percentile } from './decision-stats';

const decision = (
  outcome: 'APPROVED' | 'DECLINED' | 'REFERRED',
  automatic: boolean,
  latencyMs: number,
): DecisionMadeEvent =>
  ({
    payload: { outcome, automatic, hops: { submittedAt: 1000, decidedAt: 1000 + latencyMs } },
  }) as unknown as DecisionMadeEvent;

describe(decisionStats.name, () => {
  it('should count automation and outcomes when decisions are mixed', () => {
    const stats = decisionStats([
      decision('APPROVED', true, 100),
      decision('DECLINED', true, 300),
      decision('REFERRED', false, 5000),
    ]);
    expect(stats.automatic).toBe(2);
    expect(stats.automationRate).toBeCloseTo(2 / 3, 10);
    expect(stats.outcomes).toEqual({ APPROVED: 1, DECLINED: 1, REFERRED: 1 });
  });

  it('should not count an automatic referral as automated when it only routes to a human', () => {
    const stats = decisionStats([decision('REFERRED', true, 50), decision('APPROVED', true, 100)]);
    expect(stats.automatic).toBe(1);
    expect(stats.timeToDecisionMs.p99).toBe(100);
  });

  it('should take latencies from automatic decisions only when computing percentiles', () => {
    const stats = decisionStats([
      decision('APPROVED', true, 100),
      decision('APPROVED', true, 200),
      decision('REFERRED', false, 99999),
    ]);
    expect(stats.timeToDecisionMs).toEqual({ p50: 100, p95: 200, p99: 200 });
  });

  it('should use the nearest-rank percentile when given a sorted list', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile([], 99)).toBe(0);
  });

  it('should put referrals and degraded decisions in the percentiles when the scope is all', () => {
    const events = [decision('APPROVED', true, 100), decision('REFERRED', true, 900)];

    const automated = decisionStats(events);
    const all = decisionStats(events, 'all');

    expect(automated.timeToDecisionMs.p99).toBe(100);
    expect(all.timeToDecisionMs.p99).toBe(900);
    expect(all.automatic).toBe(1);
  });
});
