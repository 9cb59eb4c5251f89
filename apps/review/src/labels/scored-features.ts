import type { DecisionEntity } from '../decisions/decision.entity';

export interface ScoredFeatures {
  modelVersion: string;
  featureNames: string[];
  featureVector: number[];
}

/** The model and the feature vector an automatic decision was made on (empty when it was never scored). */
export function scoredFeaturesOf(automatic: DecisionEntity): ScoredFeatures {
  const scored = automatic.content.scored as { featureNames?: string[]; featureVector?: number[] } | undefined;
  return {
    modelVersion: typeof automatic.content.modelVersion === 'string' ? automatic.content.modelVersion : '',
    featureNames: scored?.featureNames ?? [],
    featureVector: scored?.featureVector ?? [],
  };
}
