export * from './feature-spec.types';
export * from './feature-vector.builder';
export { companyAgeMonths, industryDivision, regionCode, safeRatio, RATIO_CAP } from './derived-values';
export { SyntheticHistoryFactory, type HistoryRow } from './testing/synthetic-history.factory';
