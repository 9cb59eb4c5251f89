import type { FeatureInput } from '@loanmesh/contracts';

export type FeatureGroup = 'tabular' | 'graph';

/** Which end of the feature carries more risk; reason texts are phrased for that end. */
export type FeatureDirection = 'higher-is-riskier' | 'lower-is-riskier' | 'indicator';

export interface FeatureSpecEntry {
  name: string;
  group: FeatureGroup;
  /** Plain language for a reason code when this feature pushes risk up. */
  description: string;
  /** For indicators: the text when the indicator is 0 and its absence pushes risk up. */
  absentDescription?: string;
  direction: FeatureDirection;
}

export interface FeatureDefinition extends FeatureSpecEntry {
  compute: (input: FeatureInput) => number;
}
