import type { FeatureInput } from '@loanmesh/contracts';

import { companyAgeMonths, industryDivision, regionCode, safeRatio } from './derived-values';
import type { FeatureDefinition } from './feature-spec.types';

const LEGAL_FORMS = ['LLC', 'JSC', 'SOLE_PROPRIETOR', 'PARTNERSHIP'] as const;
const PURPOSES = ['WORKING_CAPITAL', 'EQUIPMENT', 'EXPANSION', 'REFINANCING', 'TRADE_FINANCE'] as const;

type Def = FeatureDefinition;
type Reason = Def['reason'];
const t = (
  name: string,
  direction: Def['direction'],
  description: string,
  reason: Reason,
  compute: Def['compute'],
): Def => ({
  name,
  group: 'tabular',
  direction,
  description,
  reason,
  compute,
});
const fin = (i: FeatureInput) => i.company.financials;
/** Reference 0: any positive count is the risky side (defaults, missed payments, judgments). */
const anyIsRisky = (format: Reason['format'], text: string): Reason => ({ format, text, fallbackReference: 0 });

/** Application terms, company financials and own credit history, in vector order. */
export const TABULAR_FEATURES: readonly FeatureDefinition[] = [
  t(
    'loanAmount',
    'higher-is-riskier',
    'Large loan amount requested',
    { format: 'money', text: 'Large loan amount requested: {value}' },
    (i) => i.application.amount,
  ),
  t(
    'termMonths',
    'higher-is-riskier',
    'Long loan term (months)',
    { format: 'months', text: 'Long loan term: {value}' },
    (i) => i.application.termMonths,
  ),
  t(
    'companyAgeMonths',
    'lower-is-riskier',
    'Company is young (months since registration)',
    { format: 'months', text: 'Company is young: registered {value} ago' },
    companyAgeMonths,
  ),
  t(
    'registeredCapital',
    'lower-is-riskier',
    'Low registered capital',
    { format: 'money', text: 'Low registered capital: {value}' },
    (i) => i.company.registeredCapital,
  ),
  t(
    'employees',
    'lower-is-riskier',
    'Few employees',
    { format: 'count', text: 'Few employees: {value}', zeroText: 'No employees' },
    (i) => i.company.employees,
  ),
  t(
    'annualRevenue',
    'lower-is-riskier',
    'Low annual revenue',
    { format: 'money', text: 'Low annual revenue: {value}' },
    (i) => i.company.annualRevenue,
  ),
  t(
    'totalAssets',
    'lower-is-riskier',
    'Small balance sheet (total assets)',
    { format: 'money', text: 'Small balance sheet: total assets {value}' },
    (i) => fin(i).totalAssets,
  ),
  t(
    'totalLiabilities',
    'higher-is-riskier',
    'High total liabilities',
    { format: 'money', text: 'High total liabilities: {value}' },
    (i) => fin(i).totalLiabilities,
  ),
  t(
    'netProfit',
    'lower-is-riskier',
    'Low or negative net profit',
    // A loss is weak whatever the population looks like.
    { format: 'money', text: 'Low net profit: {value}', fallbackReference: 0 },
    (i) => fin(i).netProfit,
  ),
  t(
    'currentRatio',
    'lower-is-riskier',
    'Weak liquidity (current ratio)',
    // Below 1 the short-term liabilities exceed the current assets.
    { format: 'score', text: 'Weak liquidity: current ratio {value}', fallbackReference: 1 },
    (i) => fin(i).currentRatio,
  ),
  t(
    'leverage',
    'higher-is-riskier',
    'High leverage (liabilities to assets)',
    { format: 'share', text: 'High leverage: liabilities are {value} of total assets' },
    (i) => safeRatio(fin(i).totalLiabilities, fin(i).totalAssets),
  ),
  t(
    'profitMargin',
    'lower-is-riskier',
    'Thin profit margin (net profit to revenue)',
    { format: 'share', text: 'Thin profit margin: {value} of revenue', fallbackReference: 0 },
    (i) => safeRatio(fin(i).netProfit, i.company.annualRevenue),
  ),
  t(
    'revenuePerEmployee',
    'lower-is-riskier',
    'Low revenue per employee',
    { format: 'money', text: 'Low revenue per employee: {value}' },
    (i) => i.company.annualRevenue / Math.max(1, i.company.employees),
  ),
  t(
    'loanToRevenue',
    'higher-is-riskier',
    'Loan is large relative to revenue',
    { format: 'share', text: 'Loan is large relative to revenue: {value} of annual revenue' },
    (i) => safeRatio(i.application.amount, i.company.annualRevenue),
  ),
  t(
    'installmentToMonthlyRevenue',
    'higher-is-riskier',
    'Monthly instalment is large relative to monthly revenue',
    { format: 'share', text: 'Monthly instalment is large: {value} of monthly revenue' },
    (i) => safeRatio(i.application.amount / i.application.termMonths, i.company.annualRevenue / 12),
  ),
  t(
    'capitalToLoan',
    'lower-is-riskier',
    'Registered capital is small relative to the loan',
    { format: 'share', text: 'Registered capital is small relative to the loan: {value} of the amount' },
    (i) => safeRatio(i.company.registeredCapital, i.application.amount),
  ),
  t(
    'priorLoans',
    'lower-is-riskier',
    'Little borrowing history with the bank',
    {
      format: 'count',
      text: 'Little borrowing history: {value} earlier loan{s} with the bank',
      zeroText: 'No borrowing history with the bank',
    },
    (i) => i.history.priorLoans,
  ),
  t(
    'priorDefaults',
    'higher-is-riskier',
    'Has defaulted on earlier loans',
    anyIsRisky('count', '{value} earlier loan{s} defaulted'),
    (i) => i.history.priorDefaults,
  ),
  t(
    'missedPayments12m',
    'higher-is-riskier',
    'Missed payments in the last 12 months',
    anyIsRisky('count', '{value} missed payment{s} in the last 12 months'),
    (i) => i.history.missedPayments12m,
  ),
  t(
    'outstandingExposure',
    'higher-is-riskier',
    'High outstanding exposure with the bank',
    { format: 'money', text: 'High outstanding exposure with the bank: {value}' },
    (i) => i.history.outstandingExposure,
  ),
  t(
    'exposureToRevenue',
    'higher-is-riskier',
    'Outstanding exposure is high relative to revenue',
    { format: 'share', text: 'Outstanding exposure is high: {value} of annual revenue' },
    (i) => safeRatio(i.history.outstandingExposure, i.company.annualRevenue),
  ),
  t(
    'activePublicRecords',
    'higher-is-riskier',
    'Active public records (judgments, liens)',
    anyIsRisky('count', '{value} active public record{s} (judgments, liens)'),
    (i) => i.history.activePublicRecords,
  ),
  t(
    'industryDivision',
    'indicator',
    'Industry division carries elevated risk',
    { format: 'category', text: 'Industry division {value} carries elevated risk' },
    (i) => industryDivision(i.company.industryCode),
  ),
  t(
    'regionCode',
    'indicator',
    'Region carries elevated risk',
    { format: 'category', text: 'Region (code {value}) carries elevated risk' },
    (i) => regionCode(i.company.region),
  ),
  ...LEGAL_FORMS.map((form) =>
    oneHot(
      `legalForm_${form}`,
      `Legal form is ${label(form)}`,
      `Legal form is not ${label(form)}`,
      (i) => i.company.legalForm === form,
    ),
  ),
  ...PURPOSES.map((purpose) =>
    oneHot(
      `purpose_${purpose}`,
      `Loan purpose is ${label(purpose)}`,
      `Loan purpose is not ${label(purpose)}`,
      (i) => i.application.purpose === purpose,
    ),
  ),
];

function oneHot(name: string, description: string, absentDescription: string, test: (i: FeatureInput) => boolean): Def {
  return {
    name,
    group: 'tabular',
    direction: 'indicator',
    description,
    absentDescription,
    // Only the applicant's own form or purpose can be a reason ("is not LLC" says nothing true about risk).
    reason: { format: 'flag', text: description },
    compute: (i) => (test(i) ? 1 : 0),
  };
}

function label(code: string): string {
  return code.toLowerCase().replace(/_/g, ' ');
}
