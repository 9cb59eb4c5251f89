import type { FeatureReason, FeatureSpecEntry, ValueFormat } from './feature-spec.types';

/**
 * Smallest risk-increasing contribution (log-odds) that may be a model reason. Below it the
 * feature barely moved the score, and a "0.00" reason tells the applicant nothing.
 */
export const MIN_REASON_CONTRIBUTION = 0.01;

/** U+2212: a real minus sign, as printed figures use ("−12,300"). */
const MINUS = '\u2212';
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** The applicant's value as a reason quotes it. */
export function formatFeatureValue(format: ValueFormat, value: number): string {
  switch (format) {
    case 'count':
    case 'money':
      return signed(grouped.format(Math.abs(Math.round(value))), value);
    case 'months': {
      const months = Math.round(value);
      return `${months} month${months === 1 ? '' : 's'}`;
    }
    case 'ratio':
      return `${signed(Math.abs(value).toFixed(2), value)}×`;
    case 'share':
      return `${signed(trimZero((Math.abs(value) * 100).toFixed(1)), value)}%`;
    case 'score':
      return signed(Math.abs(value).toFixed(2), value);
    case 'category':
      return String(value);
    case 'flag':
      return '';
  }
}

/**
 * Whether the applicant's value sits at the end of the feature that the reason's text
 * describes: above the reference for higher-is-riskier, below it for lower-is-riskier (or at a
 * declared zero floor), 1 for an indicator. A category has no risky end, so any value is. With
 * no reference a directional feature is never consistent: no claim is better than a false one.
 */
export function isOnRiskySide(entry: FeatureSpecEntry, value: number, reference: number | undefined): boolean {
  if (value === entry.reason.notFoundValue) {
    return false;
  }
  if (entry.reason.format === 'category') {
    return true;
  }
  switch (entry.direction) {
    case 'indicator':
      return value === 1;
    case 'higher-is-riskier':
      return reference !== undefined && value > reference;
    case 'lower-is-riskier':
      return (value === 0 && entry.reason.zeroText !== undefined) || (reference !== undefined && value < reference);
  }
}

/**
 * The reason's text for this applicant, quoting the value, or undefined when the value is not
 * on the risky side (the contribution is then dropped, never relabelled).
 */
export function reasonStatement(
  entry: FeatureSpecEntry,
  value: number,
  reference: number | undefined,
): string | undefined {
  if (!Number.isFinite(value) || !isOnRiskySide(entry, value, reference)) {
    return undefined;
  }
  return phrase(entry.reason, value);
}

/** The reference a model uses for a feature: its stored training median, else the spec's fallback. */
export function referenceOf(
  entry: FeatureSpecEntry,
  stored: Readonly<Record<string, number>> | undefined,
): number | undefined {
  return stored?.[entry.name] ?? entry.reason.fallbackReference;
}

function phrase(reason: FeatureReason, value: number): string {
  if (value === 0 && reason.zeroText !== undefined) {
    return reason.zeroText;
  }
  const one = Math.abs(value) === 1;
  const quoted = reason.categories?.[value] ?? formatFeatureValue(reason.format, value);
  return reason.text
    .replace('{value}', quoted)
    .replace(/\{s\}/g, one ? '' : 's')
    .replace(/\{ies\}/g, one ? 'y' : 'ies');
}

function signed(magnitude: string, value: number): string {
  return value < 0 && Number(magnitude.replace(/[^0-9.]/g, '')) !== 0 ? `${MINUS}${magnitude}` : magnitude;
}

function trimZero(fixed: string): string {
  return fixed.endsWith('.0') ? fixed.slice(0, -2) : fixed;
}
