import { graphLift, type ScoredSide } from './graph-lift';
import type { ChampionCandidate, ChampionSelection } from './model-card.types';

export const CHAMPION_RULE =
  'Reference: the tabular GBM (the fallback that serves whenever graph features are missing). ' +
  'A candidate replaces it only when the paired bootstrap 95% interval of (reference bad rate - candidate bad rate) ' +
  'among approved at the policy approval rate lies entirely above 0; among those, the largest point reduction wins. ' +
  'Otherwise the reference stays champion. AUC is reported, never decisive.';

/**
 * Chooses the champion by the business metric with its interval: bad-debt rate among approved
 * at the approval rate, each candidate compared with the reference on the same bootstrap draws.
 */
export function selectChampion(
  reference: ScoredSide,
  candidates: readonly ScoredSide[],
  labels: ArrayLike<number>,
  options: { approvalRate: number; resamples?: number; seed?: number },
): ChampionSelection {
  const compared = candidates
    .filter((c) => c.model !== reference.model)
    .map((c) => ({ c, lift: graphLift(reference, c, labels, options) }));
  const first = compared[0]?.lift;
  const rows: ChampionCandidate[] = [];
  if (first) {
    rows.push({
      model: reference.model,
      ...figures(first.tabular, first.intervals?.a),
      reductionPp: null,
      reductionInterval: null,
    });
  }
  for (const { c, lift } of compared) {
    rows.push({
      model: c.model,
      ...figures(lift.graph, lift.intervals?.b),
      reductionPp: lift.badRateReductionPp,
      reductionInterval: lift.intervals?.badRateReductionPp ?? null,
    });
  }
  const winner = rows
    .filter((r) => r.reductionInterval !== null && r.reductionInterval[0] > 0)
    .sort((x, y) => (y.reductionPp ?? 0) - (x.reductionPp ?? 0))[0];
  return {
    approvalRate: options.approvalRate,
    reference: reference.model,
    champion: winner?.model ?? reference.model,
    rule: CHAMPION_RULE,
    candidates: rows,
  };
}

type Figures = Pick<ChampionCandidate, 'auc' | 'aucInterval' | 'badRateAtApproval' | 'badRateInterval'>;

/** A side's AUC and bad rate with their intervals (a point interval when none was drawn). */
function figures(
  point: { auc: number; badRateAtApproval: number },
  interval: { auc: [number, number]; badRateAtApproval: [number, number] } | undefined,
): Figures {
  return {
    auc: point.auc,
    aucInterval: interval?.auc ?? [point.auc, point.auc],
    badRateAtApproval: point.badRateAtApproval,
    badRateInterval: interval?.badRateAtApproval ?? [point.badRateAtApproval, point.badRateAtApproval],
  };
}
