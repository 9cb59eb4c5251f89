import { GRAPH_FEATURE_NAMES, type GraphFeatures } from '@loanmesh/contracts';

import type { FeatureDirection, FeatureReason, FeatureSpecEntry } from './feature-spec.types';

type GraphName = keyof GraphFeatures;

type GraphText = [FeatureDirection, string, FeatureReason];
/** Graph counts and shares are 0 when nothing was found, so any positive value is the risky side. */
const found = (format: FeatureReason['format'], text: string): FeatureReason => ({
  format,
  text,
  fallbackReference: 0,
});
const flag = (text: string): FeatureReason => ({ format: 'flag', text });

const GRAPH_TEXT: Record<GraphName, GraphText> = {
  inGuaranteeCircle: [
    'indicator',
    'Company is part of a guarantee circle',
    flag('Company is part of a guarantee circle'),
  ],
  guaranteeCircleSize: [
    'higher-is-riskier',
    'Large guarantee circle',
    found('count', 'Large guarantee circle: {value} companies'),
  ],
  reciprocalGuarantees: [
    'higher-is-riskier',
    'Reciprocal guarantees with other companies',
    found('count', '{value} reciprocal guarantee{s} with other companies'),
  ],
  contingentLiability: [
    'higher-is-riskier',
    'High contingent liability from guarantees given',
    found('money', 'Contingent liability from guarantees given: {value}'),
  ],
  defaultedNeighbourShare: [
    'higher-is-riskier',
    'Many connected companies have defaulted',
    found('share', '{value} of connected companies have defaulted'),
  ],
  judgmentNeighbourShare: [
    'higher-is-riskier',
    'Many connected companies have court judgments',
    found('share', '{value} of connected companies have court judgments'),
  ],
  // 0 means "no defaulted company found", the safe end: without a median there is no claim to make.
  distanceToDefault: [
    'lower-is-riskier',
    'Close in the network to a defaulted company',
    { format: 'count', text: 'A defaulted company is {value} step{s} away in the network', notFoundValue: 0 },
  ],
  nearestDefaultFound: [
    'indicator',
    'A defaulted company is within reach in the network',
    flag('A defaulted company is within reach in the network'),
  ],
  sharedIdentifierCompanies: [
    'higher-is-riskier',
    'Shares phone, address or account with other companies',
    found('count', 'Shares phone, address or account with {value} other compan{ies}'),
  ],
  sharedIdentifierBadCompanies: [
    'higher-is-riskier',
    'Shares identifiers with companies that defaulted',
    found('count', 'Shares identifiers with {value} compan{ies} that defaulted'),
  ],
  addressCrowding: [
    'higher-is-riskier',
    'Many companies registered at the same address',
    found('count', '{value} companies registered at the same address'),
  ],
  shellScore: ['higher-is-riskier', 'Shows signs of a shell company', found('score', 'Shell-company score {value}')],
  directorNetworkSize: [
    'higher-is-riskier',
    'Directors sit on many other boards',
    found('count', 'Directors sit on {value} other board{s}'),
  ],
  directorNetworkDefaultRate: [
    'higher-is-riskier',
    "Directors' other companies often defaulted",
    found('share', "{value} of the directors' other companies defaulted"),
  ],
  ownershipChainDepth: [
    'higher-is-riskier',
    'Long ownership chain',
    found('count', 'Long ownership chain: {value} level{s}'),
  ],
  circularOwnership: ['indicator', 'Circular ownership structure', flag('Circular ownership structure')],
  customerConcentration: [
    'higher-is-riskier',
    'Revenue depends on few customers',
    found('share', 'Revenue depends on few customers: concentration {value}'),
  ],
  communitySize: [
    'higher-is-riskier',
    'Belongs to a large tightly linked business community',
    found('count', 'Belongs to a tightly linked business community of {value} companies'),
  ],
  communityDefaultRate: [
    'higher-is-riskier',
    'Its business community has a high default rate',
    found('share', 'Its business community has a {value} default rate'),
  ],
};

/** The contract's graph features in contract order, then the missing-graph indicator. */
export const GRAPH_FEATURE_SPEC: readonly FeatureSpecEntry[] = [
  ...GRAPH_FEATURE_NAMES.map((name): FeatureSpecEntry => {
    const [direction, description, reason] = GRAPH_TEXT[name];
    return { name: `graph_${name}`, group: 'graph', direction, description, reason };
  }),
  {
    name: 'graph_missing',
    group: 'graph',
    direction: 'indicator',
    description: 'Network features were unavailable (degraded scoring)',
    reason: flag('Network features were unavailable (degraded scoring)'),
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
