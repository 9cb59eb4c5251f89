import type { DecisionMadeEvent } from '@loanmesh/contracts';

/**
 * Which first decisions enter the time-to-decision figures. `automated`: automatic approvals
 * and declines only (a referral is published automatically but only routes to a human).
 * `all`: every application's first decision, referrals and degraded ones included, so no
 * application is left out of the percentiles.
 */
export type DecisionScope = 'automated' | 'all';

export function inScope(e: DecisionMadeEvent, scope: DecisionScope): boolean {
  return scope === 'all' || (e.payload.automatic && e.payload.outcome !== 'REFERRED');
}

export interface DecisionStats {
  decisions: number;
  automatic: number;
  automationRate: number;
  outcomes: Record<string, number>;
  timeToDecisionMs: { p50: number; p95: number; p99: number };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return 0;
  }
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}

/**
 * Automation rate, outcomes and time from application event to decision event. Only
 * automatic approvals and declines count as automated; the time to decision covers the
 * decisions of `scope`.
 */
export function decisionStats(events: DecisionMadeEvent[], scope: DecisionScope = 'automated'): DecisionStats {
  const outcomes: Record<string, number> = {};
  const latencies: number[] = [];
  let automatic = 0;
  for (const e of events) {
    const p = e.payload;
    outcomes[p.outcome] = (outcomes[p.outcome] ?? 0) + 1;
    if (inScope(e, 'automated')) {
      automatic += 1;
    }
    if (inScope(e, scope) && p.hops.submittedAt !== undefined && p.hops.decidedAt !== undefined) {
      latencies.push(p.hops.decidedAt - p.hops.submittedAt);
    }
  }
  latencies.sort((a, b) => a - b);
  return {
    decisions: events.length,
    automatic,
    automationRate: events.length === 0 ? 0 : automatic / events.length,
    outcomes,
    timeToDecisionMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
    },
  };
}
