export * from './feature-spec.types';
export * from './feature-vector.builder';
export { companyAgeMonths, industryDivision, regionCode, safeRatio, RATIO_CAP } from './derived-values';
export { SyntheticHistoryFactory, type HistoryRow } from './testing/synthetic-history.factory';
export {
  formatFeatureValue,
  isOnRiskySide,
  MIN_REASON_CONTRIBUTION,
  reasonStatement,
  referenceOf,
} from './reason-statement';
export { monotoneConstraintOf, monotoneConstraints, type MonotoneConstraintValue } from './monotone-constraints';
export {
  addCalendarMonths,
  creditHistoryAsOf,
  dayOfIso,
  installmentCount,
  installmentDueDay,
  type CreditLoanFacts,
} from './credit-history';
export * from './graph';
