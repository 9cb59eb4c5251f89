/** A relationship's validity as stored in Neo4j (ISO dates; null only on malformed data). */
export interface Validity {
  validFrom: string | null;
  validTo: string | null;
}

export type CompanyTieType = 'GUARANTEES' | 'SUPPLIES' | 'SHAREHOLDER_OF';

/** An outgoing company-to-company relationship; `weight` is the guarantee amount or the supply volume. */
export interface CompanyTie extends Validity {
  type: CompanyTieType;
  to: string;
  weight: number;
}

export interface IdentifierTie extends Validity {
  type: 'HAS_PHONE' | 'LOCATED_AT';
  to: string;
}

export interface AccountTie extends Validity {
  token: string | null;
}

/** What the feature walks need of one Company node: its properties and outgoing relationships. */
export interface CompanyRecord {
  id: string;
  canonicalId: string | null;
  registeredAt: string | null;
  registeredCapital: number | null;
  employees: number | null;
  annualRevenue: number | null;
  firstDefaultAt: string | null;
  firstJudgmentAt: string | null;
  ties: CompanyTie[];
  identifiers: IdentifierTie[];
  accounts: AccountTie[];
  sameAs: string[];
}

export interface PersonRole extends Validity {
  type: 'DIRECTOR_OF' | 'SHAREHOLDER_OF';
  to: string;
}

export interface PersonRecord {
  id: string;
  roles: PersonRole[];
  sameAs: string[];
}

/** An incoming relationship seen from its target: who points here, and the relationship. */
export interface Incoming<T> {
  from: string;
  tie: T;
}

export const isActive = (t: Validity, asOf: string): boolean =>
  t.validFrom !== null && t.validTo !== null && t.validFrom < asOf && t.validTo >= asOf;

export function emptyCompany(id: string): CompanyRecord {
  return {
    id,
    canonicalId: null,
    registeredAt: null,
    registeredCapital: null,
    employees: null,
    annualRevenue: null,
    firstDefaultAt: null,
    firstJudgmentAt: null,
    ties: [],
    identifiers: [],
    accounts: [],
    sameAs: [],
  };
}
