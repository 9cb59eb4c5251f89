import type { GraphFeatures } from '@loanmesh/contracts';

import type { CompanyProfile, FlaggedCompany, LocalFacts, WalkFacts } from './graph-facts.types';
import { customerConcentrationOf, shareOf as share, shellScoreOf } from './graph-feature-formulas';

const DAY_MS = 86_400_000;
const isBad = (c: FlaggedCompany): boolean => c.defaulted || c.judged;

/** Distinct real-world companies (SAME_AS records once), the applicant's own records left out. */
export function distinctCompanies(list: readonly FlaggedCompany[], selfKeys: readonly string[]): FlaggedCompany[] {
  const byKey = new Map<string, FlaggedCompany>();
  for (const c of list) {
    if (selfKeys.includes(c.key)) {
      continue;
    }
    const seen = byKey.get(c.key);
    byKey.set(c.key, seen ? { ...seen, defaulted: seen.defaulted || c.defaulted, judged: seen.judged || c.judged } : c);
  }
  return [...byKey.values()];
}

/** The shell-company score (shared definition in `@loanmesh/features`) from the applicant's filing. */
export function shellScore(profile: CompanyProfile, asOf: string, crowding: number): number {
  const ageDays = profile.registeredAt ? (Date.parse(asOf) - Date.parse(profile.registeredAt)) / DAY_MS : Infinity;
  return shellScoreOf({
    ageDays,
    registeredCapital: profile.registeredCapital,
    employees: profile.employees,
    addressCrowding: crowding,
    annualRevenue: profile.annualRevenue,
  });
}

/**
 * The one definition of the 19 graph features over the facts each path finds: the world
 * (training), the graph service's Cypher and in-memory readers (serving) only supply facts.
 */
export function assembleFeatures(
  local: LocalFacts,
  walk: WalkFacts,
  profile: CompanyProfile,
  asOf: string,
): GraphFeatures {
  const circle = new Set(local.cycles.flat());
  const neighbours = distinctCompanies(local.neighbours, local.selfKeys);
  const shared = distinctCompanies(local.shared, local.selfKeys);
  const directors = distinctCompanies(local.directorNetwork, local.selfKeys);
  const crowding = 1 + local.coLocated.filter((k) => !local.selfKeys.includes(k)).length;
  const community = [...walk.community.entries()].filter(([key]) => !local.selfKeys.includes(key));
  const revenue = profile.annualRevenue ?? 0;
  return {
    inGuaranteeCircle: circle.size > 0 ? 1 : 0,
    guaranteeCircleSize: circle.size,
    reciprocalGuarantees: local.reciprocal.length,
    contingentLiability: local.contingentLiability,
    defaultedNeighbourShare: share(neighbours.filter((n) => n.defaulted).length, neighbours.length),
    judgmentNeighbourShare: share(neighbours.filter((n) => n.judged).length, neighbours.length),
    distanceToDefault: Math.max(0, walk.distance),
    nearestDefaultFound: walk.distance >= 0 ? 1 : 0,
    sharedIdentifierCompanies: shared.length,
    sharedIdentifierBadCompanies: shared.filter(isBad).length,
    addressCrowding: crowding,
    shellScore: shellScore(profile, asOf, crowding),
    directorNetworkSize: directors.length,
    directorNetworkDefaultRate: share(directors.filter((d) => d.defaulted).length, directors.length),
    ownershipChainDepth: local.ownershipDepth,
    circularOwnership: local.ownershipCycle.length > 0 ? 1 : 0,
    customerConcentration: customerConcentrationOf(local.topCustomerVolume, revenue),
    communitySize: community.length + 1,
    communityDefaultRate: share(community.filter(([, d]) => d).length, community.length),
  };
}
