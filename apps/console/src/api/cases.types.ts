/**
 * The parts of review's /cases answers its API description gives only as records (the snapshot,
 * the history, the decision records). Everything else comes from the generated types (cases.api.ts).
 */
export type Outcome = 'APPROVED' | 'DECLINED' | 'REFERRED';

export interface ReasonCode {
  code: string;
  feature: string;
  contribution: number;
  text: string;
  source: 'MODEL' | 'GRAPH' | 'RULE';
}

export interface RuleHit {
  code: string;
  kind: string;
  text: string;
}

export interface GraphExplanation {
  feature: string;
  severity: 'INFO' | 'WARN' | 'HIGH';
  text: string;
  path?: string[];
  people?: string[];
}

export interface CaseSnapshot {
  application: {
    applicationId: string;
    companyId: string;
    amount: number;
    termMonths: number;
    purpose: string;
    submittedAt: string;
  };
  company: {
    companyId: string;
    legalForm: string;
    industryCode: string;
    region: string;
    registeredAt: string;
    employees: number;
    annualRevenue: number;
    financials: { totalAssets: number; totalLiabilities: number; netProfit: number };
  } | null;
  history: {
    priorLoans: number;
    priorDefaults: number;
    missedPayments12m: number;
    activePublicRecords: number;
  } | null;
  guarantors: { kind: string; id: string }[];
  explanations: GraphExplanation[];
  champion: {
    modelVersion: string;
    modelSha256: string;
    probabilityOfDefault: number;
    riskGrade: string;
    reasons: ReasonCode[];
  } | null;
  degraded: boolean;
  degradedReasons: string[];
  ruleHits: RuleHit[];
  policyVersion: number;
  incomplete?: { reason: string; missing: string[]; parkedAt: string; expiredAt: string };
}

export interface CaseEvent {
  action: string;
  actor: string;
  at: string;
  details: Record<string, unknown> | null;
}

export interface DecisionRecord {
  seq: number;
  hash: string;
  outcome: Outcome;
  automatic: boolean;
  decidedBy: string;
  decidedAt: string;
  content: { override?: boolean };
}
