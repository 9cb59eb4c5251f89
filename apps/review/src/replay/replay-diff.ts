/** How a replayed part compares with what the decision recorded. */
export type ReplayStatus = 'SAME' | 'CHANGED' | 'UNAVAILABLE';

export interface FeatureChange {
  feature: string;
  stored: unknown;
  replayed: unknown;
}

/** Probabilities from the same float32 model on the same vector are equal; allow rounding in JSON. */
export const PD_TOLERANCE = 1e-6;

/** Features whose replayed value differs from the stored one (numbers within 1e-9), in name order. */
export function featureChanges(stored: Record<string, unknown>, replayed: Record<string, unknown>): FeatureChange[] {
  const names = [...new Set([...Object.keys(stored), ...Object.keys(replayed)])].sort();
  return names
    .filter((name) => !sameValue(stored[name], replayed[name]))
    .map((feature) => ({ feature, stored: stored[feature] ?? null, replayed: replayed[feature] ?? null }));
}

export function samePd(stored: number, replayed: number | null): boolean {
  return replayed !== null && Math.abs(stored - replayed) <= PD_TOLERANCE;
}

/** Rule codes hit on one side only, each prefixed with "+" (only replayed) or "-" (only stored). */
export function ruleChanges(stored: readonly string[], replayed: readonly string[]): string[] {
  const before = new Set(stored);
  const after = new Set(replayed);
  return [
    ...[...after].filter((c) => !before.has(c)).map((c) => `+${c}`),
    ...[...before].filter((c) => !after.has(c)).map((c) => `-${c}`),
  ];
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return Math.abs(a - b) <= 1e-9;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}
