import type { FeatureInput } from '@loanmesh/contracts';

import { companyAgeMonths, industryDivision, regionCode, safeRatio } from './derived-values';
import type { FeatureDefinition } from './feature-spec.types';

const LEGAL_FORMS = ['LLC', 'JSC', 'SOLE_PROPRIETOR', 'PARTNERSHIP'] as const;
const PURPOSES = ['WORKING_CAPITAL', 'EQUIPMENT', 'EXPANSION', 'REFINANCING', 'TRADE_FINANCE'] as const;

type Def = FeatureDefinition;
const t = (name: string, direction: Def['direction'], description: string, compute: Def['compute']): Def => ({
  name,
  group: 'tabular',
  direction,
  description,
  compute,
});
const fin = (i: FeatureInput) => i.company.financials;

/** Application terms, company financials and own credit history, in vector order. */
export const TABULAR_FEATURES: readonly FeatureDefinition[] = [
  t('loanAmount', 'higher-is-riskier', 'Large loan amount requested', (i) => i.application.amount),
  t('termMonths', 'higher-is-riskier', 'Long loan term (months)', (i) => i.application.termMonths),
  t('companyAgeMonths', 'lower-is-riskier', 'Company is young (months since registration)', companyAgeMonths),
  t('registeredCapital', 'lower-is-riskier', 'Low registered capital', (i) => i.company.registeredCapital),
  t('employees', 'lower-is-riskier', 'Few employees', (i) => i.company.employees),
  t('annualRevenue', 'lower-is-riskier', 'Low annual revenue', (i) => i.company.annualRevenue),
  t('totalAssets', 'lower-is-riskier', 'Small balance sheet (total assets)', (i) => fin(i).totalAssets),
  t('totalLiabilities', 'higher-is-riskier', 'High total liabilities', (i) => fin(i).totalLiabilities),
  t('netProfit', 'lower-is-riskier', 'Low or negative net profit', (i) => fin(i).netProfit),
  t('currentRatio', 'lower-is-riskier', 'Weak liquidity (current ratio)', (i) => fin(i).currentRatio),
  t('leverage', 'higher-is-riskier', 'High leverage (liabilities to assets)', (i) =>
    safeRatio(fin(i).totalLiabilities, fin(i).totalAssets),
  ),
  t('profitMargin', 'lower-is-riskier', 'Thin profit margin (net profit to revenue)', (i) =>
    safeRatio(fin(i).netProfit, i.company.annualRevenue),
  ),
  t(
    'revenuePerEmployee',
    'lower-is-riskier',
    'Low revenue per employee',
    (i) => i.company.annualRevenue / Math.max(1, i.company.employees),
  ),
  t('loanToRevenue', 'higher-is-riskier', 'Loan is large relative to revenue', (i) =>
    safeRatio(i.application.amount, i.company.annualRevenue),
  ),
  t(
    'installmentToMonthlyRevenue',
    'higher-is-riskier',
    'Monthly instalment is large relative to monthly revenue',
    (i) => safeRatio(i.application.amount / i.application.termMonths, i.company.annualRevenue / 12),
  ),
  t('capitalToLoan', 'lower-is-riskier', 'Registered capital is small relative to the loan', (i) =>
    safeRatio(i.company.registeredCapital, i.application.amount),
  ),
  t('priorLoans', 'lower-is-riskier', 'Little borrowing history with the bank', (i) => i.history.priorLoans),
  t('priorDefaults', 'higher-is-riskier', 'Has defaulted on earlier loans', (i) => i.history.priorDefaults),
  t(
    'missedPayments12m',
    'higher-is-riskier',
    'Missed payments in the last 12 months',
    (i) => i.history.missedPayments12m,
  ),
  t(
    'outstandingExposure',
    'higher-is-riskier',
    'High outstanding exposure with the bank',
    (i) => i.history.outstandingExposure,
  ),
  t('exposureToRevenue', 'higher-is-riskier', 'Outstanding exposure is high relative to revenue', (i) =>
    safeRatio(i.history.outstandingExposure, i.company.annualRevenue),
  ),
  t(
    'activePublicRecords',
    'higher-is-riskier',
    'Active public records (judgments, liens)',
    (i) => i.history.activePublicRecords,
  ),
  t('industryDivision', 'indicator', 'Industry division carries elevated risk', (i) =>
    industryDivision(i.company.industryCode),
  ),
  t('regionCode', 'indicator', 'Region carries elevated risk', (i) => regionCode(i.company.region)),
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
    compute: (i) => (test(i) ? 1 : 0),
  };
}

function label(code: string): string {
  return code.toLowerCase().replace(/_/g, ' ');
}
