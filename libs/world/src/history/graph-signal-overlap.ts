import type { GraphFeatures } from '@loanmesh/contracts';

import type { HistoryRow } from './history.builder';

/** A yes/no reading of the graph features that a reviewer would call a warning sign. */
export interface GraphSignal {
  readonly name: string;
  readonly fires: (g: GraphFeatures) => boolean;
}

/** The signals the planted structures were meant to produce (docs/world.md, "Look-alikes"). */
export const GRAPH_SIGNALS: readonly GraphSignal[] = [
  { name: 'inGuaranteeCircle = 1', fires: (g) => g.inGuaranteeCircle === 1 },
  { name: 'reciprocalGuarantees > 0', fires: (g) => g.reciprocalGuarantees > 0 },
  { name: 'sharedIdentifierCompanies > 0', fires: (g) => g.sharedIdentifierCompanies > 0 },
  { name: 'addressCrowding >= 5', fires: (g) => g.addressCrowding >= 5 },
  { name: 'shellScore >= 0.6', fires: (g) => g.shellScore >= 0.6 },
  { name: 'circularOwnership = 1', fires: (g) => g.circularOwnership === 1 },
  { name: 'customerConcentration >= 0.6', fires: (g) => g.customerConcentration >= 0.6 },
  { name: 'defaultedNeighbourShare > 0', fires: (g) => g.defaultedNeighbourShare > 0 },
];

export interface SignalOverlap {
  readonly signal: string;
  /** Applications that did not default (label 0) on which the signal fires, and their share. */
  readonly goodFired: number;
  readonly goodShare: number;
  readonly badFired: number;
  readonly badShare: number;
  /** Default rate among applications where the signal fires (NaN when it never fires). */
  readonly badRateWhenFired: number;
}

/** How often each signal fires on good and on bad applications (rows without graph features are skipped). */
export function graphSignalOverlap(
  rows: Iterable<Pick<HistoryRow, 'label' | 'input'>>,
  signals: readonly GraphSignal[] = GRAPH_SIGNALS,
): { good: number; bad: number; signals: SignalOverlap[] } {
  const fired = signals.map(() => [0, 0]);
  const totals = [0, 0];
  for (const row of rows) {
    const g = row.input.graph;
    if (!g) {
      continue;
    }
    totals[row.label]++;
    signals.forEach((s, i) => {
      if (s.fires(g)) {
        fired[i][row.label]++;
      }
    });
  }
  return {
    good: totals[0],
    bad: totals[1],
    signals: signals.map((s, i) => ({
      signal: s.name,
      goodFired: fired[i][0],
      goodShare: fired[i][0] / Math.max(1, totals[0]),
      badFired: fired[i][1],
      badShare: fired[i][1] / Math.max(1, totals[1]),
      badRateWhenFired: fired[i][1] / (fired[i][0] + fired[i][1]),
    })),
  };
}
