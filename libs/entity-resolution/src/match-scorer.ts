import { jaroWinkler } from './jaro-winkler';

export type PartyKind = 'person' | 'company';

/** What blocking found about a pair of records; the inputs of the score. */
export interface PairFacts {
  kind: PartyKind;
  aId: string;
  bId: string;
  aName: string;
  bName: string;
  samePhone: boolean;
  sameAddress: boolean;
  /** Persons: same birth year. Companies: always false. */
  sameBirthYear: boolean;
  /** Persons: same national-id token. Companies: same normalized registration number. */
  sameKey: boolean;
}

export interface MatchEvidence {
  rule: 'NATIONAL_ID' | 'REGISTRATION_NUMBER' | 'FUZZY';
  score: number;
  nameSimilarity: number;
  samePhone: boolean;
  sameAddress: boolean;
  sameBirthYear: boolean;
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

/**
 * Deterministic rules first (same national id / registration number: score 1), then a
 * weighted fuzzy score. Persons: 0.5 name + 0.2 phone + 0.15 address + 0.15 birth year.
 * Companies: 0.6 name + 0.2 phone + 0.2 address.
 */
export function scorePair(f: PairFacts): MatchEvidence {
  const nameSimilarity = round(jaroWinkler(f.aName, f.bName));
  const base = { nameSimilarity, samePhone: f.samePhone, sameAddress: f.sameAddress, sameBirthYear: f.sameBirthYear };
  if (f.sameKey) {
    return { rule: f.kind === 'person' ? 'NATIONAL_ID' : 'REGISTRATION_NUMBER', score: 1, ...base };
  }
  const score =
    f.kind === 'person'
      ? 0.5 * nameSimilarity + 0.2 * Number(f.samePhone) + 0.15 * Number(f.sameAddress) + 0.15 * Number(f.sameBirthYear)
      : 0.6 * nameSimilarity + 0.2 * Number(f.samePhone) + 0.2 * Number(f.sameAddress);
  return { rule: 'FUZZY', score: round(score), ...base };
}
