import { GRAPH_FEATURE_NAMES, type GraphFeatures } from '@loanmesh/contracts';

import type { FeatureDirection, FeatureSpecEntry } from './feature-spec.types';

type GraphName = keyof GraphFeatures;

const GRAPH_TEXT: Record<GraphName, [FeatureDirection, string]> = {
  inGuaranteeCircle: ['indicator', 'Company is part of a guarantee circle'],
  guaranteeCircleSize: ['higher-is-riskier', 'Large guarantee circle'],
  reciprocalGuarantees: ['higher-is-riskier', 'Reciprocal guarantees with other companies'],
  contingentLiability: ['higher-is-riskier', 'High contingent liability from guarantees given'],
  defaultedNeighbourShare: ['higher-is-riskier', 'Many connected companies have defaulted'],
  judgmentNeighbourShare: ['higher-is-riskier', 'Many connected companies have court judgments'],
  distanceToDefault: ['lower-is-riskier', 'Close in the network to a defaulted company'],
  nearestDefaultFound: ['indicator', 'A defaulted company is within reach in the network'],
  sharedIdentifierCompanies: ['higher-is-riskier', 'Shares phone, address or account with other companies'],
  sharedIdentifierBadCompanies: ['higher-is-riskier', 'Shares identifiers with companies that defaulted'],
  addressCrowding: ['higher-is-riskier', 'Many companies registered at the same address'],
  shellScore: ['higher-is-riskier', 'Shows signs of a shell company'],
  directorNetworkSize: ['higher-is-riskier', 'Directors sit on many other boards'],
  directorNetworkDefaultRate: ['higher-is-riskier', "Directors' other companies often defaulted"],
  ownershipChainDepth: ['higher-is-riskier', 'Long ownership chain'],
  circularOwnership: ['indicator', 'Circular ownership structure'],
  customerConcentration: ['higher-is-riskier', 'Revenue depends on few customers'],
  communitySize: ['higher-is-riskier', 'Belongs to a large tightly linked business community'],
  communityDefaultRate: ['higher-is-riskier', 'Its business community has a high default rate'],
};

/** The contract's graph features in contract order, then the missing-graph indicator. */
export const GRAPH_FEATURE_SPEC: readonly FeatureSpecEntry[] = [
  ...GRAPH_FEATURE_NAMES.map((name): FeatureSpecEntry => {
    const [direction, description] = GRAPH_TEXT[name];
    return { name: `graph_${name}`, group: 'graph', direction, description };
  }),
  {
    name: 'graph_missing',
    group: 'graph',
    direction: 'indicator',
    description: 'Network features were unavailable (degraded scoring)',
  },
];

/**
 * Graph part of the vector. A null graph (degraded) gives zeros, the "nothing found" value of
 * every graph feature, plus graph_missing = 1; a degraded result should rather be scored by the
 * tabular-only model, and this keeps the vector well defined if it is not.
 */
export function graphValues(graph: GraphFeatures | null): number[] {
  if (graph === null) {
    return [...GRAPH_FEATURE_NAMES.map(() => 0), 1];
  }
  return [...GRAPH_FEATURE_NAMES.map((name) => graph[name]), 0];
}
