import type { TrainingOutcomeRow, TrainingOutcomes } from '@loanmesh/contracts';
import type { HistoryRow } from '@loanmesh/features';

import { HISTORY_PARTS, type LoadedHistory } from '../world/history.loader';

export interface OutcomeSplit {
  /** Outcomes of applications the world history does not hold: appended as training rows. */
  train: TrainingOutcomeRow[];
  /** The newest outcomes scored by the serving champion: never trained on, used by the gates. */
  holdout: TrainingOutcomeRow[];
}

/** Splits inference's labelled outcomes into rows to learn from and rows to judge on. */
export function splitOutcomes(outcomes: TrainingOutcomes, history: LoadedHistory, holdoutShare: number): OutcomeSplit {
  const byChampion = outcomes.rows
    .filter((r) => r.modelVersion === outcomes.champion)
    .sort((a, b) => a.scoredAt.localeCompare(b.scoredAt) || a.applicationId.localeCompare(b.applicationId));
  const holdout = byChampion.slice(byChampion.length - Math.ceil(byChampion.length * holdoutShare));
  const held = new Set(holdout.map((r) => r.applicationId));
  const known = historyIds(history);
  const train = outcomes.rows.filter((r) => !held.has(r.applicationId) && !known.has(r.applicationId));
  return { train, holdout };
}

/** The history without the held-out applications, so the challenger never learns what judges it. */
export function withoutApplications(history: LoadedHistory, ids: ReadonlySet<string>): LoadedHistory {
  const parts = {} as Record<(typeof HISTORY_PARTS)[number], HistoryRow[]>;
  for (const part of HISTORY_PARTS) {
    parts[part] = history.parts[part].filter((r) => !ids.has(r.applicationId));
  }
  return { parts, fingerprint: history.fingerprint };
}

/** A served vector in a model's feature order; a missing value (or feature) is NaN, as serving builds it. */
export function vectorOf(row: TrainingOutcomeRow, featureNames: readonly string[]): Float64Array {
  return Float64Array.from(featureNames, (name) => row.features[name] ?? Number.NaN);
}

function historyIds(history: LoadedHistory): Set<string> {
  return new Set(HISTORY_PARTS.flatMap((part) => history.parts[part].map((r) => r.applicationId)));
}
