import { scorePair, type MatchEvidence, type PairFacts, type PartyKind } from './match-scorer';

export type MatchStatus = 'AUTO_LINKED' | 'PENDING';

/** Score cut-offs of the matcher; the graph service reads its own from config (defaults below). */
export interface MatchThresholds {
  /** At or above: the records are linked SAME_AS automatically. */
  link: number;
  /** At or above (and below `link`): a review candidate. */
  review: number;
}

export const DEFAULT_MATCH_THRESHOLDS: MatchThresholds = { link: 0.9, review: 0.75 };
/** A phone or address shared by more parties than this does not block (a switchboard, not an identity). */
export const DEFAULT_MAX_BLOCK_SIZE = 50;

export interface ClassifiedPair {
  /** `<kind>:<smaller id>:<larger id>`: a pair found from both sides is one candidate. */
  id: string;
  kind: PartyKind;
  aId: string;
  bId: string;
  status: MatchStatus;
  evidence: MatchEvidence;
}

/** Scores each blocked pair and keeps those at or above the review threshold, once per pair. */
export function classifyPairs(pairs: readonly PairFacts[], thresholds: MatchThresholds): ClassifiedPair[] {
  const rows = new Map<string, ClassifiedPair>();
  for (const pair of pairs) {
    const [aId, bId] = pair.aId < pair.bId ? [pair.aId, pair.bId] : [pair.bId, pair.aId];
    const id = `${pair.kind}:${aId}:${bId}`;
    const evidence = scorePair(pair);
    const status = statusFor(evidence.score, thresholds);
    if (status && !rows.has(id)) {
      rows.set(id, { id, kind: pair.kind, aId, bId, status, evidence });
    }
  }
  return [...rows.values()];
}

function statusFor(score: number, thresholds: MatchThresholds): MatchStatus | undefined {
  if (score >= thresholds.link) {
    return 'AUTO_LINKED';
  }
  return score >= thresholds.review ? 'PENDING' : undefined;
}
