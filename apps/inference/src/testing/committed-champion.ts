import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { recordedChampion } from '@loanmesh/ml';

/**
 * The champion the selection rule recorded in the committed cards (models/<dir>/*.card.json):
 * what an empty registry makes champion when INITIAL_CHAMPION is unset. Tests read it here
 * instead of typing a model name, so retraining that changes the rule's pick changes them too.
 */
export function committedChampion(dir = 'models/world'): { name: string; label: string; includesGraph: boolean } {
  const cards = readdirSync(dir)
    .filter((f) => f.endsWith('.card.json'))
    .map((f): unknown => JSON.parse(readFileSync(join(dir, f), 'utf8')));
  const name = recordedChampion(cards);
  if (!name) {
    throw new Error(`no single champion recorded in the cards of ${dir}`);
  }
  const meta = JSON.parse(readFileSync(join(dir, `${name}.meta.json`), 'utf8')) as { featureNames: string[] };
  return { name, label: `${name}:v1`, includesGraph: meta.featureNames.some((n) => n.startsWith('graph_')) };
}

/** A registered GBM other than the committed champion, for tests that need a second, different one. */
export function otherGbm(champion = committedChampion().name): string {
  return champion === 'world-gbm-tabular' ? 'world-gbm-graph' : 'world-gbm-tabular';
}
