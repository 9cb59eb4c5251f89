import type { DomainEvent, GraphFeatures } from '@loanmesh/contracts';

import type { GraphEventFactory } from './graph-event.factory';

export const WORKED_EXAMPLE_AS_OF = '2023-06-01T10:00:00Z';

/** The hand-built graph of graph/features.md ("worked example"). */
export function workedExample(f: GraphEventFactory): DomainEvent[] {
  return [
    f.company('A', { addressName: 'shared-addr' }),
    f.company('B'),
    f.company('C'),
    f.company('E', { addressName: 'shared-addr' }),
    f.company('F', { phone: 'A' }),
    f.company('G', { addressName: 'shared-addr' }),
    f.company('H'),
    f.company('S'),
    f.company('T'),
    f.person('P1'),
    f.guarantee('g1', 'A', 'B', 100),
    f.guarantee('g2', 'B', 'C', 200),
    f.guarantee('g3', 'C', 'A', 300),
    f.guarantee('g4', 'A', 'E', 50),
    f.guarantee('g5', 'E', 'A', 70),
    f.supplies('A', 'G', 60_000),
    f.director('P1', 'A'),
    f.director('P1', 'H'),
    f.holds('S', 'A'),
    f.holds('T', 'S'),
    f.account('acA', 'A', '11112222'),
    f.account('acB', 'B', '11112222'),
    f.defaulted('F', '2022-01-01'),
    f.defaulted('H', '2021-05-01'),
    f.judgment('C', '2022-03-01'),
    // After the application day: must not leak into features as of AS_OF.
    f.company('Z'),
    f.guarantee('g6', 'A', 'Z', 1000, '2023-07-01'),
    f.defaulted('B', '2023-08-01'),
  ];
}

export const WORKED_EXAMPLE_FEATURES: GraphFeatures = {
  inGuaranteeCircle: 1,
  guaranteeCircleSize: 4,
  reciprocalGuarantees: 1,
  contingentLiability: 150,
  defaultedNeighbourShare: 0.166667,
  judgmentNeighbourShare: 0.166667,
  distanceToDefault: 1,
  nearestDefaultFound: 1,
  sharedIdentifierCompanies: 4,
  sharedIdentifierBadCompanies: 1,
  addressCrowding: 3,
  shellScore: 0,
  directorNetworkSize: 1,
  directorNetworkDefaultRate: 1,
  ownershipChainDepth: 2,
  circularOwnership: 0,
  customerConcentration: 0.6,
  communitySize: 7,
  communityDefaultRate: 0.166667,
};
