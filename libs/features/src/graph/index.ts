export * from './graph-facts.types';
export { assembleFeatures, distinctCompanies, shellScore } from './graph-feature.assembler';
export { customerConcentrationOf, roundShare, shareOf, shellScoreOf, type ShellFacts } from './graph-feature-formulas';
export {
  COMMUNITY_HOPS,
  DEFAULT_RADIUS,
  FRONTIER_CAP,
  neighbourhoodWalk,
  walkNeighbourhood,
  walkNeighbourhoodSync,
  type HopFetcher,
  type SyncHopFetcher,
} from './neighbourhood.walker';
