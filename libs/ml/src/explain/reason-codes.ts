import type { ReasonCode } from '@loanmesh/contracts';
import { type FeatureSpecEntry, MIN_REASON_CONTRIBUTION, reasonStatement, referenceOf } from '@loanmesh/features';

/** What the trainer records about a feature in a model's meta file. */
export interface FeatureDescriptor {
  name: string;
  description: string;
  absentDescription?: string;
  direction?: 'higher-is-riskier' | 'lower-is-riskier' | 'indicator';
  /**
   * A categorical column coded as one feature: the categories in code order (`categories[k]`
   * has code k). Serving codes an applicant's category with it and reasons name the category.
   */
  categories?: readonly string[];
}

export const MAX_MODEL_REASONS = 4;

export interface ReasonInputs {
  /** Per-feature contributions in log-odds (TreeSHAP or scorecard terms), in spec order. */
  contributions: ArrayLike<number>;
  /** The applicant's feature vector, in spec order. */
  values: ArrayLike<number>;
  spec: readonly FeatureSpecEntry[];
  /** Training medians stored beside the model, by feature name; the spec's fallbacks fill gaps. */
  references?: Readonly<Record<string, number>>;
  limit?: number;
}

/**
 * The largest risk-increasing contributions as reason codes (adverse-action style), each
 * stated with the applicant's own value. A contribution is a reason only when it is at least
 * MIN_REASON_CONTRIBUTION and the value sits at the end of the feature the text describes
 * (`reasonStatement`); an inconsistent contribution (a tree pushing risk up on the safe side of
 * a feature) is dropped, never relabelled, and the next one takes its place.
 */
export function topReasons(inputs: ReasonInputs): ReasonCode[] {
  const { contributions, values, spec, references, limit = MAX_MODEL_REASONS } = inputs;
  const reasons: ReasonCode[] = [];
  const ranked = Array.from(contributions, (contribution, index) => ({ contribution, index }))
    .filter((c) => c.contribution >= MIN_REASON_CONTRIBUTION)
    .sort((a, b) => b.contribution - a.contribution || a.index - b.index);
  for (const { contribution, index } of ranked) {
    if (reasons.length >= limit) {
      break;
    }
    const feature = spec[index];
    const value = values[index];
    const text = reasonStatement(feature, value, referenceOf(feature, references));
    if (text !== undefined) {
      reasons.push({ code: `M-${feature.name}`, feature: feature.name, contribution, text, source: 'MODEL', value });
    }
  }
  return reasons;
}
