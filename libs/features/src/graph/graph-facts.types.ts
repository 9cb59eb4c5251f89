/** A company seen from the applicant, with its risk flags as of the application day. */
export interface FlaggedCompany {
  id: string;
  /** Canonical id: SAME_AS-linked records share it, so they count once. */
  key: string;
  defaulted: boolean;
  judged: boolean;
  via?: string;
}

export interface CompanyProfile {
  registeredAt: string | null;
  registeredCapital: number | null;
  employees: number | null;
  annualRevenue: number | null;
}

/** The raw answer of the local feature query. */
export interface LocalFacts {
  selfKeys: string[];
  cycles: string[][];
  reciprocal: string[];
  contingentLiability: number;
  neighbours: FlaggedCompany[];
  shared: FlaggedCompany[];
  coLocated: string[];
  directorNetwork: FlaggedCompany[];
  ownershipDepth: number;
  ownershipCycle: string[];
  topCustomer: string | null;
  topCustomerVolume: number;
  selfDefaulted: boolean;
  profile: CompanyProfile;
}

export interface HopEdge {
  from: string;
  to: string;
  /** Canonical id of `to`: SAME_AS-linked records are one community member. */
  key?: string;
  strong: boolean;
  defaulted: boolean;
}

/** Result of the bounded breadth-first walks (distance to default, community). */
export interface WalkFacts {
  /** Hops to the nearest defaulted company; -1 when none within the radius. */
  distance: number;
  /** Path from the applicant to the nearest defaulted company (ids), empty when none. */
  defaultPath: string[];
  /** Community members by canonical key (applicant's own records included; the assembler drops them) and whether each defaulted. */
  community: Map<string, boolean>;
  truncated: boolean;
}
