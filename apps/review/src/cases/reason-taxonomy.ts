import type { HumanOutcome } from './case.entity';

export interface DecisionReason {
  code: string;
  outcome: HumanOutcome;
  text: string;
}

/** The reasons an officer may give; every human decision names one of them. */
export const REASON_TAXONOMY: readonly DecisionReason[] = [
  { code: 'APR_STRONG_FINANCIALS', outcome: 'APPROVED', text: 'Financial statements support the repayment' },
  { code: 'APR_COLLATERAL_ADEQUATE', outcome: 'APPROVED', text: 'Collateral or guarantees cover the exposure' },
  {
    code: 'APR_GRAPH_RISK_EXPLAINED',
    outcome: 'APPROVED',
    text: 'Graph links checked and explained (no real exposure)',
  },
  { code: 'APR_RELATIONSHIP_HISTORY', outcome: 'APPROVED', text: 'Long, clean relationship with the bank' },
  { code: 'APR_MODEL_CONCURS', outcome: 'APPROVED', text: 'Review confirms the model assessment' },
  { code: 'DEC_INSUFFICIENT_CASHFLOW', outcome: 'DECLINED', text: 'Cash flow insufficient to service the loan' },
  { code: 'DEC_HIGH_LEVERAGE', outcome: 'DECLINED', text: 'Leverage too high for the requested amount' },
  { code: 'DEC_GRAPH_CONTAGION', outcome: 'DECLINED', text: 'Exposure to defaulted or risky connected companies' },
  { code: 'DEC_GUARANTEE_CIRCLE', outcome: 'DECLINED', text: 'Guarantees circulate within a closed circle' },
  { code: 'DEC_FRAUD_SUSPECTED', outcome: 'DECLINED', text: 'Shared identifiers suggest fraud or a shell company' },
  { code: 'DEC_ADVERSE_RECORDS', outcome: 'DECLINED', text: 'Adverse public records or payment history' },
  { code: 'DEC_INCOMPLETE_INFORMATION', outcome: 'DECLINED', text: 'Information incomplete or inconsistent' },
];

export function reasonOf(code: string): DecisionReason | undefined {
  return REASON_TAXONOMY.find((r) => r.code === code);
}
