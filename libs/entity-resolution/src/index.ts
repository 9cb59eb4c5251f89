export { jaroWinkler } from './jaro-winkler';
export { normalizeName, normalizeRegistrationNumber } from './name-normalizer';
export { scorePair, type MatchEvidence, type PairFacts, type PartyKind } from './match-scorer';
export {
  classifyPairs,
  DEFAULT_MATCH_THRESHOLDS,
  DEFAULT_MAX_BLOCK_SIZE,
  type ClassifiedPair,
  type MatchStatus,
  type MatchThresholds,
} from './match-classifier';
export { blockPairs, type PartyRecord } from './party-blocker';
