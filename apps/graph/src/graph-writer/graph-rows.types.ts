/** Open end of a validity interval; ISO dates compare as strings, so no null checks in Cypher. */
export const OPEN_END = '9999-12-31';

export interface CompanyRow {
  id: string;
  version: number;
  src: string;
  validFrom: string;
  props: Record<string, string | number>;
  addressKey: string;
  city: string;
  postcode: string;
  phoneToken: string;
  industry: string;
  region: string;
}

export interface PersonRow {
  id: string;
  version: number;
  src: string;
  validFrom: string;
  props: Record<string, string | number>;
  addressKey: string;
  city: string;
  postcode: string;
  phoneToken: string;
}

export interface PartyLinkRow {
  partyId: string;
  targetId: string;
  src: string;
  validFrom: string;
  validTo: string;
  props: Record<string, string | number>;
}

/** Rows of one flush, grouped by the statement that writes them; applied in the key order below. */
export interface GraphRows {
  companies: CompanyRow[];
  persons: PersonRow[];
  companyAccounts: PartyLinkRow[];
  personAccounts: PartyLinkRow[];
  applications: PartyLinkRow[];
  loans: PartyLinkRow[];
  repayments: PartyLinkRow[];
  missedPayments: PartyLinkRow[];
  defaults: PartyLinkRow[];
  companyRecords: PartyLinkRow[];
  personRecords: PartyLinkRow[];
  directors: PartyLinkRow[];
  companyShareholders: PartyLinkRow[];
  personShareholders: PartyLinkRow[];
  suppliers: PartyLinkRow[];
  companyGuarantees: PartyLinkRow[];
  personGuarantees: PartyLinkRow[];
  payments: PartyLinkRow[];
}

export type GraphRowBucket = keyof GraphRows;

export const ROW_BUCKETS: readonly GraphRowBucket[] = [
  'companies',
  'persons',
  'companyAccounts',
  'personAccounts',
  'applications',
  'loans',
  'repayments',
  'missedPayments',
  'defaults',
  'companyRecords',
  'personRecords',
  'directors',
  'companyShareholders',
  'personShareholders',
  'suppliers',
  'companyGuarantees',
  'personGuarantees',
  'payments',
];

export function emptyRows(): GraphRows {
  return Object.fromEntries(ROW_BUCKETS.map((b) => [b, []])) as unknown as GraphRows;
}
