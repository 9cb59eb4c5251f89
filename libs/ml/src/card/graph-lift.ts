import { badRateAtApproval } from '../metrics/approval.metrics';
import { auc } from '../metrics/ranking.metrics';
import type { GraphLift } from './model-card.types';

export interface ScoredSide {
  model: string;
  probabilities: ArrayLike<number>;
}

/** Compares two models' test-set predictions on the same rows at one approval rate. */
export function graphLift(
  tabular: ScoredSide,
  graph: ScoredSide,
  labels: ArrayLike<number>,
  approvalRate = 0.7,
): GraphLift {
  const side = (s: ScoredSide) => ({
    model: s.model,
    auc: auc(s.probabilities, labels),
    badRateAtApproval: badRateAtApproval(s.probabilities, labels, approvalRate),
  });
  const t = side(tabular);
  const g = side(graph);
  return {
    approvalRate,
    tabular: t,
    graph: g,
    aucGain: g.auc - t.auc,
    badRateReductionPp: (t.badRateAtApproval - g.badRateAtApproval) * 100,
  };
}
