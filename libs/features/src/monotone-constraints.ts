import type { FeatureSpecEntry } from './feature-spec.types';
import { featureSpec, type FeatureVectorOptions } from './feature-vector.builder';

/** +1: predicted risk may only rise with the feature; -1: only fall; 0: free. */
export type MonotoneConstraintValue = -1 | 0 | 1;

/**
 * The GBM's monotone constraint for one feature, read from its declared direction; the spec is
 * the only list. The model predicts the probability of default, so the risky end goes up.
 * - higher-is-riskier: +1; lower-is-riskier: -1.
 * - A feature with a `notFoundValue` is free (0): its "nothing found" code sits at the safe end
 *   but on the numeric scale next to the riskiest values (graph distance 0 = no defaulted company
 *   in reach, 1 = a defaulted neighbour), so no order holds over the whole axis.
 * - Indicators: a `category` code (industry division, region) has no order: 0. A one-hot level
 *   of a category (it has an `absentDescription`, "Legal form is not LLC") names a form or
 *   purpose, not a risk: 0. Any other indicator is a flag whose reason text describes state 1
 *   as the risky one ("Company is part of a guarantee circle"): +1.
 */
export function monotoneConstraintOf(entry: FeatureSpecEntry): MonotoneConstraintValue {
  if (entry.reason.notFoundValue !== undefined) {
    return 0;
  }
  switch (entry.direction) {
    case 'higher-is-riskier':
      return 1;
    case 'lower-is-riskier':
      return -1;
    case 'indicator':
      return entry.reason.format === 'flag' && entry.absentDescription === undefined ? 1 : 0;
  }
}

/** Constraints in vector order, for the trainer's `monotoneConstraints`. */
export function monotoneConstraints(options: FeatureVectorOptions): MonotoneConstraintValue[] {
  return featureSpec(options).map(monotoneConstraintOf);
}
