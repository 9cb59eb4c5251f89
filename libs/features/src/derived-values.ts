import type { FeatureInput } from '@loanmesh/contracts';

/** Ratio caps keep a zero or tiny denominator from producing infinities that float32 cannot order. */
export const RATIO_CAP = 1e6;

/** a / b, capped to [-RATIO_CAP, RATIO_CAP]; a zero denominator gives the cap (or 0 when a is 0). */
export function safeRatio(a: number, b: number): number {
  if (b === 0) {
    return a === 0 ? 0 : Math.sign(a) * RATIO_CAP;
  }
  return Math.max(-RATIO_CAP, Math.min(RATIO_CAP, a / b));
}

/**
 * Whole calendar months from registration to submission (a month counts once its day of
 * month is reached); 0 when registration is on or after submission.
 */
export function companyAgeMonths(input: FeatureInput): number {
  const [ry, rm, rd] = input.company.registeredAt.split('-').map(Number) as [number, number, number];
  const submitted = new Date(input.application.submittedAt);
  const sy = submitted.getUTCFullYear();
  const sm = submitted.getUTCMonth() + 1;
  const sd = submitted.getUTCDate();
  const months = (sy - ry) * 12 + (sm - rm) - (sd < rd ? 1 : 0);
  return Math.max(0, months);
}

/** Leading two-digit industry division of a NACE/SIC-like code ("47.11" gives 47); 0 if none. */
export function industryDivision(code: string): number {
  const match = /\d{1,2}/.exec(code);
  return match ? Number(match[0]) : 0;
}

/**
 * Stable numeric code for a region name (FNV-1a hash mod 997). Regions are an open set, so
 * a hash keeps the vector fixed-length; trees isolate a region with two splits.
 */
export function regionCode(region: string): number {
  let hash = 0x811c9dc5;
  for (const ch of region.trim().toUpperCase()) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 997;
}
