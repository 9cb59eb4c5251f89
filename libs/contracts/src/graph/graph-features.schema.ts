import { z } from 'zod';

/**
 * Graph risk features for one application, as of its submission time. Definitions and
 * Cypher are in graph/features.md. Counts are integers; shares are in [0, 1].
 */
export const graphFeaturesSchema = z.object({
  inGuaranteeCircle: z.number().int().min(0).max(1),
  guaranteeCircleSize: z.number().int().nonnegative(),
  reciprocalGuarantees: z.number().int().nonnegative(),
  contingentLiability: z.number().nonnegative(),
  defaultedNeighbourShare: z.number().min(0).max(1),
  judgmentNeighbourShare: z.number().min(0).max(1),
  /** Hops to the nearest defaulted entity; 0 when none within the search radius (see nearestDefaultFound). */
  distanceToDefault: z.number().int().nonnegative(),
  nearestDefaultFound: z.number().int().min(0).max(1),
  sharedIdentifierCompanies: z.number().int().nonnegative(),
  sharedIdentifierBadCompanies: z.number().int().nonnegative(),
  addressCrowding: z.number().int().nonnegative(),
  shellScore: z.number().min(0).max(1),
  directorNetworkSize: z.number().int().nonnegative(),
  directorNetworkDefaultRate: z.number().min(0).max(1),
  ownershipChainDepth: z.number().int().nonnegative(),
  circularOwnership: z.number().int().min(0).max(1),
  customerConcentration: z.number().min(0).max(1),
  communitySize: z.number().int().nonnegative(),
  communityDefaultRate: z.number().min(0).max(1),
});
export type GraphFeatures = z.infer<typeof graphFeaturesSchema>;
export const GRAPH_FEATURE_NAMES = Object.keys(graphFeaturesSchema.shape) as (keyof GraphFeatures)[];

/** A human-readable reason that quotes the graph path behind a feature. */
export const graphExplanationSchema = z.object({
  feature: z.string(),
  severity: z.enum(['INFO', 'WARN', 'HIGH']),
  text: z.string(),
  path: z.array(z.string()).max(20).optional(),
});
export type GraphExplanation = z.infer<typeof graphExplanationSchema>;
