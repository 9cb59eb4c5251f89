import {
  blockPairs,
  classifyPairs,
  DEFAULT_MATCH_THRESHOLDS,
  DEFAULT_MAX_BLOCK_SIZE,
  normalizeName,
  normalizeRegistrationNumber,
  type ClassifiedPair,
  type MatchThresholds,
  type PartyRecord,
} from '@loanmesh/entity-resolution';

import { formatAddress, formatPhone, normalizeAddress, normalizePhone } from '../identity/identity-format';
import type { World } from '../world.types';
import type { WorldIdentity } from './world-identity';

export type ResolutionSource = Pick<World, 'companies' | 'persons' | 'phones' | 'addresses' | 'nowDay'>;

export interface ResolutionOptions {
  thresholds: MatchThresholds;
  maxBlockSize: number;
}

/**
 * The world's records as the graph service resolves them: every company and person record
 * known before the world's clock, as its events carry it (formatted phone and address,
 * normalized like ingestion does, names and registration numbers normalized like the graph
 * writer does), written companies first and then persons in index order (the replay order),
 * matched by the graph service's own blocking rules and scorer (`@loanmesh/entity-resolution`).
 * Records joined by automatic links are one party; a pending pair stays apart (as until a
 * reviewer decides).
 */
export class ResolvedWorldIdentity implements WorldIdentity {
  readonly candidates: readonly ClassifiedPair[];
  private readonly companyRoot: Int32Array;
  private readonly personRoot: Int32Array;
  private readonly linked = new Map<number, number[]>();

  constructor(
    world: ResolutionSource,
    options: ResolutionOptions = { thresholds: DEFAULT_MATCH_THRESHOLDS, maxBlockSize: DEFAULT_MAX_BLOCK_SIZE },
  ) {
    const companies = world.companies.filter((c) => c.eventDay < world.nowDay);
    const persons = world.persons.filter((p) => p.firstDay < world.nowDay);
    const companyRecords = companies.map((c) =>
      record(
        world,
        String(c.index),
        c.name,
        c.phone,
        c.address,
        c.style,
        normalizeRegistrationNumber(c.registrationNumber),
        null,
      ),
    );
    const personRecords = persons.map((p) =>
      record(world, String(p.index), p.fullName, p.phone, p.address, p.style, p.nationalId, p.birthYear),
    );
    this.candidates = [
      ...classifyPairs(blockPairs('company', companyRecords, options.maxBlockSize), options.thresholds),
      ...classifyPairs(blockPairs('person', personRecords, options.maxBlockSize), options.thresholds),
    ];
    this.companyRoot = Int32Array.from(world.companies, (_, i) => i);
    this.personRoot = Int32Array.from(world.persons, (_, i) => i);
    for (const link of this.links) {
      const [a, b] = [Number(link.aId), Number(link.bId)];
      if (link.kind === 'company') {
        union(this.companyRoot, a, b);
        this.linked.set(a, [...(this.linked.get(a) ?? []), b]);
        this.linked.set(b, [...(this.linked.get(b) ?? []), a]);
      } else {
        union(this.personRoot, a, b);
      }
    }
  }

  /** The automatic SAME_AS links (record indices as strings, smaller first as text). */
  get links(): ClassifiedPair[] {
    return this.candidates.filter((c) => c.status === 'AUTO_LINKED');
  }

  companyKey(company: number): string {
    return String(find(this.companyRoot, company));
  }

  selfKeys(company: number): string[] {
    return [this.companyKey(company)];
  }

  aliases(company: number): readonly number[] {
    return this.linked.get(company) ?? [];
  }

  person(person: number): number {
    return find(this.personRoot, person);
  }
}

function record(
  world: ResolutionSource,
  id: string,
  name: string,
  phone: number,
  address: number,
  style: number,
  key: string,
  birthYear: number | null,
): PartyRecord {
  return {
    id,
    name: normalizeName(name),
    phone: normalizePhone(formatPhone(world.phones[phone], style)),
    address: normalizeAddress(formatAddress(world.addresses[address], style)),
    key,
    birthYear,
  };
}

/** Union-find with the smaller index as the root, so a cluster's key does not depend on link order. */
function find(root: Int32Array, i: number): number {
  let r = i;
  while (root[r] !== r) {
    r = root[r];
  }
  return r;
}

function union(root: Int32Array, a: number, b: number): void {
  const [ra, rb] = [find(root, a), find(root, b)];
  root[Math.max(ra, rb)] = Math.min(ra, rb);
}
