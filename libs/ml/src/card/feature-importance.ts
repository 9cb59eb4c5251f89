import type { TreeEnsembleModel } from '../gbm/tree-ensemble.model';
import type { ScorecardModel } from '../scorecard/scorecard.model';
import type { FeatureImportance } from './model-card.types';

/** Total split gain per feature as a share of all gain, largest first, zeros left out. */
export function gainImportance(model: TreeEnsembleModel): FeatureImportance[] {
  const gain = new Float64Array(model.featureNames.length);
  for (const tree of model.trees) {
    tree.feature.forEach((f, n) => {
      if (f >= 0) {
        gain[f] += tree.gain[n];
      }
    });
  }
  return normalise(model.featureNames, gain);
}

/** Information value of each scorecard term, normalised to shares. */
export function informationValueImportance(model: ScorecardModel): FeatureImportance[] {
  const iv = new Float64Array(model.featureNames.length);
  model.terms.forEach((t) => (iv[t.feature] = t.informationValue));
  return normalise(model.featureNames, iv);
}

function normalise(names: string[], values: Float64Array): FeatureImportance[] {
  const total = values.reduce((s, v) => s + v, 0) || 1;
  return names
    .map((feature, i) => ({ feature, value: values[i] / total }))
    .filter((f) => f.value > 0)
    .sort((a, b) => b.value - a.value);
}
