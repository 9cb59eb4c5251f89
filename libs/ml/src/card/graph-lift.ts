import { badRateAtApproval } from '../metrics/approval.metrics';
import { pairedBootstrap } from '../metrics/bootstrap.metrics';
import { auc } from '../metrics/ranking.metrics';
import type { GraphLift } from './model-card.types';

export interface ScoredSide {
  model: string;
  probabilities: ArrayLike<number>;
}

export interface LiftOptions {
  approvalRate?: number;
  /** Paired bootstrap resamples on the test rows; 0 skips the intervals. */
  resamples?: number;
  seed?: number;
}

/** Compares two models' test-set predictions on the same rows at one approval rate. */
export function graphLift(
  tabular: ScoredSide,
  graph: ScoredSide,
  labels: ArrayLike<number>,
  options: LiftOptions = {},
): GraphLift {
  const approvalRate = options.approvalRate ?? 0.7;
  const resamples = options.resamples ?? 1000;
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
    intervals:
      resamples > 0
        ? pairedBootstrap(tabular.probabilities, graph.probabilities, labels, {
            approvalRate,
            resamples,
            seed: options.seed ?? 42,
          })
        : null,
  };
}
