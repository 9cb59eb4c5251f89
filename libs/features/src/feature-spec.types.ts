import type { FeatureInput } from '@loanmesh/contracts';

export type FeatureGroup = 'tabular' | 'graph';

/** Which end of the feature carries more risk; reason texts are phrased for that end. */
export type FeatureDirection = 'higher-is-riskier' | 'lower-is-riskier' | 'indicator';

/**
 * How a reason quotes the applicant's value: `count` whole number, `months` "7 months",
 * `money` grouped whole units ("−12,300"), `ratio` two decimals with "×", `share` a percentage,
 * `score` two decimals, `category` the code as is, `flag` not quoted (0/1 indicators).
 * Templates may use `{s}` and `{ies}` for plurals of the quoted value.
 */
export type ValueFormat = 'count' | 'months' | 'money' | 'ratio' | 'share' | 'score' | 'category' | 'flag';

/** What a reason code needs to state a feature truthfully for one applicant. */
export interface FeatureReason {
  format: ValueFormat;
  /** Text for the risky end; `{value}` is replaced by the quoted value. */
  text: string;
  /**
   * Lower-is-riskier counts only: text at the floor 0 ("No borrowing history"). Zero is then the
   * risky end itself and is a consistent reason even when the reference (median) is also 0.
   */
  zeroText?: string;
  /**
   * Reference point used when the model has no training median stored beside it. Omitted
   * where no natural point exists: such a feature then gives no reason for that model.
   */
  fallbackReference?: number;
  /** A value that means "nothing found" rather than a measurement (distance 0: no default in reach); never a reason. */
  notFoundValue?: number;
  /** `category` features coded from text: the category named by each code (`categories[code]`), quoted instead of the code. */
  categories?: readonly string[];
}

export interface FeatureSpecEntry {
  name: string;
  group: FeatureGroup;
  /** Plain language for the feature's risky end (model cards, docs, the registry's meta). */
  description: string;
  /** For indicators: the text when the indicator is 0 (kept for the meta files; never a reason). */
  absentDescription?: string;
  direction: FeatureDirection;
  /**
   * How a reason states this feature with the applicant's value. A `category` feature (a code,
   * no order) has no risky end: its reason names the category the model penalised.
   */
  reason: FeatureReason;
}

export interface FeatureDefinition extends FeatureSpecEntry {
  compute: (input: FeatureInput) => number;
}
