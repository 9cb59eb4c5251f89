import { z } from 'zod';

import { boundedList, freeText, int4, lineText, money, unitInterval } from '../envelope/safe-primitives';

const count = int4();
const flag = int4(0, 1);

/**
 * Graph risk features for one application, as of its submission time. Definitions and
 * Cypher are in graph/features.md. Counts are integers; shares are in [0, 1].
 */
export const graphFeaturesSchema = z.object({
  inGuaranteeCircle: flag,
  guaranteeCircleSize: count,
  reciprocalGuarantees: count,
  contingentLiability: money,
  defaultedNeighbourShare: unitInterval,
  judgmentNeighbourShare: unitInterval,
  /** Hops to the nearest defaulted entity; 0 when none within the search radius (see nearestDefaultFound). */
  distanceToDefault: count,
  nearestDefaultFound: flag,
  sharedIdentifierCompanies: count,
  sharedIdentifierBadCompanies: count,
  addressCrowding: count,
  shellScore: unitInterval,
  directorNetworkSize: count,
  directorNetworkDefaultRate: unitInterval,
  ownershipChainDepth: count,
  circularOwnership: flag,
  customerConcentration: unitInterval,
  communitySize: count,
  communityDefaultRate: unitInterval,
});
export type GraphFeatures = z.infer<typeof graphFeaturesSchema>;
export const GRAPH_FEATURE_NAMES = Object.keys(graphFeaturesSchema.shape) as (keyof GraphFeatures)[];

/** A human-readable reason that quotes the graph path behind a feature. */
export const graphExplanationSchema = z.object({
  feature: lineText(64),
  severity: z.enum(['INFO', 'WARN', 'HIGH']),
  text: freeText(1000),
  /** Node ids and names along the path (an address key can be long). */
  path: boundedList(lineText(1000), 20).optional(),
  /** Which of the path's ids are people (directors): masked for roles that may not see personal data. */
  people: boundedList(lineText(1000), 20).optional(),
});
export type GraphExplanation = z.infer<typeof graphExplanationSchema>;
