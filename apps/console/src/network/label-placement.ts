/** A label's box on screen, in rendered pixels. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface LabelCandidate {
  id: string;
  /** Higher first: the applicant, then risky, defaulted and sanctioned parties, then the rest. */
  rank: number;
  box: Box;
}

const overlaps = (a: Box, b: Box): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/**
 * Greedy label placement, as maps do: labels in rank order, each kept only when it overlaps
 * none already kept. Zooming in spreads the boxes apart and lets more labels through.
 */
export function placeLabels(candidates: LabelCandidate[]): Set<string> {
  const kept: Box[] = [];
  const shown = new Set<string>();
  for (const c of [...candidates].sort((a, b) => b.rank - a.rank)) {
    if (!kept.some((k) => overlaps(k, c.box))) {
      kept.push(c.box);
      shown.add(c.id);
    }
  }
  return shown;
}
