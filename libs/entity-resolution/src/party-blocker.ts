import type { PairFacts, PartyKind } from './match-scorer';

/** A party record as the graph service keeps it for matching (all values already normalized). */
export interface PartyRecord {
  id: string;
  /** `normalizeName` of the name. */
  name: string;
  phone: string | null;
  address: string | null;
  /** Persons: the national-id token; companies: the normalized registration number. */
  key: string;
  /** Persons only; null for companies. */
  birthYear: number | null;
}

/**
 * Blocking in memory, as the graph service blocks in Neo4j when it resolves the records it has
 * just written: each record, in the order given, is compared with the earlier records sharing
 * its key, and with those sharing its phone or its address while that block holds at most
 * `maxBlock` records (itself included). A shared switchboard stops blocking once it grows past it.
 */
export function blockPairs(kind: PartyKind, records: readonly PartyRecord[], maxBlock: number): PairFacts[] {
  const blocks = new Map<string, PartyRecord[]>();
  const pairs: PairFacts[] = [];
  for (const a of records) {
    const candidates = new Set<PartyRecord>();
    for (const [block, limited] of [
      [a.phone === null ? null : `phone:${a.phone}`, true],
      [a.address === null ? null : `address:${a.address}`, true],
      [`key:${a.key}`, false],
    ] as const) {
      if (block === null) {
        continue;
      }
      const members = join(blocks, block, a);
      if (!limited || members.length <= maxBlock) {
        members.forEach((b) => b !== a && candidates.add(b));
      }
    }
    candidates.forEach((b) => pairs.push(pairFacts(kind, a, b)));
  }
  return pairs;
}

function join(blocks: Map<string, PartyRecord[]>, block: string, record: PartyRecord): PartyRecord[] {
  const members = blocks.get(block) ?? [];
  members.push(record);
  blocks.set(block, members);
  return members;
}

function pairFacts(kind: PartyKind, a: PartyRecord, b: PartyRecord): PairFacts {
  return {
    kind,
    aId: a.id,
    bId: b.id,
    aName: a.name,
    bName: b.name,
    samePhone: a.phone !== null && a.phone === b.phone,
    sameAddress: a.address !== null && a.address === b.address,
    sameBirthYear: kind === 'person' && a.birthYear !== null && a.birthYear === b.birthYear,
    sameKey: a.key === b.key,
  };
}
