import type { ReasonCode } from '@loanmesh/contracts';

/** What a reason code needs to know about a feature; the features lib's spec entries fit. */
export interface FeatureDescriptor {
  name: string;
  description: string;
  absentDescription?: string;
  direction?: 'higher-is-riskier' | 'lower-is-riskier' | 'indicator';
}

/**
 * The `limit` largest risk-increasing contributions as reason codes (adverse-action style:
 * only factors that pushed the probability of default up are reasons). An indicator at 0 uses
 * its absent text ("Legal form is not LLC").
 */
export function topReasons(
  contributions: ArrayLike<number>,
  spec: readonly FeatureDescriptor[],
  limit = 4,
  values?: ArrayLike<number>,
): ReasonCode[] {
  return Array.from(contributions, (contribution, index) => ({ contribution, index }))
    .filter((c) => c.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution || a.index - b.index)
    .slice(0, limit)
    .map(({ contribution, index }) => {
      const feature = spec[index];
      const absent = feature.direction === 'indicator' && values?.[index] === 0 && feature.absentDescription;
      return {
        code: `M-${feature.name}`,
        feature: feature.name,
        contribution,
        text: absent ? feature.absentDescription! : feature.description,
        source: 'MODEL' as const,
      };
    });
}
