import type { DecisionMadeEvent } from '@loanmesh/contracts';

import { hopBreakdown } from './hop-breakdown';

const decision = (automatic: boolean, hops: Record<string, number>): DecisionMadeEvent =>
  ({ payload: { automatic, outcome: 'APPROVED', hops } }) as unknown as DecisionMadeEvent;

describe(hopBreakdown.name, () => {
  it('should split the time to decision into its hops when every timestamp is present', () => {
    const result = hopBreakdown([
      decision(true, { submittedAt: 0, ingestedAt: 10, featuresAt: 30, scoredAt: 33, decidedAt: 40 }),
    ]);
    expect(result).toEqual({
      ingestion: { p50: 10, p95: 10, p99: 10 },
      graphFeatures: { p50: 20, p95: 20, p99: 20 },
      scoring: { p50: 3, p95: 3, p99: 3 },
      policy: { p50: 7, p95: 7, p99: 7 },
    });
  });

  it('should ignore human decisions and missing hops when some are absent', () => {
    const result = hopBreakdown([
      decision(false, { submittedAt: 0, ingestedAt: 999 }),
      decision(true, { submittedAt: 0, decidedAt: 5 }),
    ]);
    expect(result.ingestion).toEqual({ p50: 0, p95: 0, p99: 0 });
  });

  it('should include referrals when the scope is all', () => {
    const referral = {
      payload: { automatic: true, outcome: 'REFERRED', hops: { scoredAt: 0, decidedAt: 50 } },
    } as unknown as DecisionMadeEvent;

    expect(hopBreakdown([referral]).policy.p99).toBe(0);
    expect(hopBreakdown([referral], 'all').policy.p99).toBe(50);
  });
});
