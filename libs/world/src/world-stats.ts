import type { World } from './world.types';

export interface EntityCounts {
  companies: number;
  persons: number;
  addresses: number;
  phones: number;
  /** Distinct account numbers (ring members share one). */
  accounts: number;
  industries: number;
  regions: number;
  loans: number;
  publicRecords: number;
  total: number;
}

/** Entity nodes as the knowledge graph would hold them (addresses and phones are canonical). */
export function entityCounts(world: World): EntityCounts {
  const counts = {
    companies: world.companies.length,
    persons: world.persons.length,
    addresses: world.addresses.length,
    phones: world.phones.length,
    accounts: new Set(world.accounts.map((a) => a.accountNumber)).size,
    industries: world.industries.length,
    regions: world.regions.length,
    loans: world.loans.length,
    publicRecords: world.records.length,
  };
  return { ...counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
}

export interface RelationshipCounts {
  directorOf: number;
  shareholderOf: number;
  supplies: number;
  guarantees: number;
  holdsAccount: number;
  paymentFlowMonths: number;
  borrowed: number;
}

export function relationshipCounts(world: World): RelationshipCounts {
  return {
    directorOf: world.directors.length,
    shareholderOf: world.shareholders.length,
    supplies: world.suppliers.length,
    guarantees: world.guarantees.length,
    holdsAccount: world.accounts.length,
    paymentFlowMonths: world.flows.reduce((n, f) => n + f.months.length, 0),
    borrowed: world.loans.length,
  };
}
