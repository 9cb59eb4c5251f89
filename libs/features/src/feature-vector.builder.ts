import type { FeatureInput } from '@loanmesh/contracts';

import type { FeatureSpecEntry } from './feature-spec.types';
import { GRAPH_FEATURE_SPEC, graphValues } from './graph-features';
import { TABULAR_FEATURES } from './tabular-features';

/** Bump on any change to names, order, encodings or derivations: models pin this string. */
export const FEATURE_VERSION = 'lm-features-1.0.0';

export interface FeatureVectorOptions {
  includeGraph: boolean;
}

const TABULAR_SPEC: readonly FeatureSpecEntry[] = TABULAR_FEATURES.map(({ compute: _compute, ...entry }) => entry);

/** The ordered feature spec: tabular features, then (graph-enhanced models only) graph features. */
export function featureSpec(options: FeatureVectorOptions): readonly FeatureSpecEntry[] {
  return options.includeGraph ? [...TABULAR_SPEC, ...GRAPH_FEATURE_SPEC] : TABULAR_SPEC;
}

export function featureNames(options: FeatureVectorOptions): string[] {
  return featureSpec(options).map((f) => f.name);
}

/** The one feature vector used by training and serving, in `featureSpec(options)` order. */
export function buildFeatureVector(input: FeatureInput, options: FeatureVectorOptions): Float64Array {
  const size = TABULAR_FEATURES.length + (options.includeGraph ? GRAPH_FEATURE_SPEC.length : 0);
  const vector = new Float64Array(size);
  TABULAR_FEATURES.forEach((feature, i) => {
    vector[i] = feature.compute(input);
  });
  if (options.includeGraph) {
    vector.set(graphValues(input.graph), TABULAR_FEATURES.length);
  }
  return vector;
}
