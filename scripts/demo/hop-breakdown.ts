import type { DecisionMadeEvent } from '@loanmesh/contracts';

import { type DecisionScope, inScope, percentile } from './decision-stats';

export interface HopPercentiles {
  p50: number;
  p95: number;
  p99: number;
}

/** Hop names in pipeline order and the two timestamps that bound each. */
const HOPS = [
  ['ingestion', 'submittedAt', 'ingestedAt'],
  ['graphFeatures', 'ingestedAt', 'featuresAt'],
  ['scoring', 'featuresAt', 'scoredAt'],
  ['policy', 'scoredAt', 'decidedAt'],
] as const;

/** Per-hop latency percentiles (ms) over the decisions of `scope`, for the latency budget. */
export function hopBreakdown(
  events: DecisionMadeEvent[],
  scope: DecisionScope = 'automated',
): Record<string, HopPercentiles> {
  const out: Record<string, HopPercentiles> = {};
  for (const [name, from, to] of HOPS) {
    const xs = events
      .filter((e) => inScope(e, scope))
      .map((e) => {
        const a = e.payload.hops[from];
        const b = e.payload.hops[to];
        return a !== undefined && b !== undefined ? b - a : undefined;
      })
      .filter((x): x is number => x !== undefined)
      .sort((a, b) => a - b);
    out[name] = { p50: percentile(xs, 50), p95: percentile(xs, 95), p99: percentile(xs, 99) };
  }
  return out;
}
