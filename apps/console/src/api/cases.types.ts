/** Response shapes of review's /cases endpoints (hand-written until the OpenAPI client lands). */
export type CaseStatus = 'OPEN' | 'CLAIMED' | 'AWAITING_CONFIRMATION' | 'DECIDED';
export type Outcome = 'APPROVED' | 'DECLINED' | 'REFERRED';

export interface QueueItem {
  id: string;
  applicationId: string;
  companyId: string;
  status: CaseStatus;
  assignee: string | null;
  amount: number;
  probabilityOfDefault: number | null;
  riskGrade: string | null;
  expectedLoss: number;
  priority: number;
  slaDeadline: string;
  slaBreached: boolean;
  fourEyesRequired: boolean;
  ruleHits: string[];
  createdAt: string;
}

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

export interface Proposal {
  proposedBy: string;
  outcome: Outcome;
  reasonCode: string;
  note: string;
}

export interface CaseRecord {
  id: string;
  applicationId: string;
  status: CaseStatus;
  assignee: string | null;
  slaDeadline: string;
  slaBreached: boolean;
  fourEyesRequired: boolean;
  fourEyesReasons: string[];
  proposal: Proposal | null;
  outcome: Outcome | null;
  decidedAt: string | null;
  snapshot: CaseSnapshot;
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

export interface CaseDetail {
  case: CaseRecord;
  history: CaseEvent[];
  decisions: DecisionRecord[];
}

export interface DecisionReason {
  code: string;
  outcome: 'APPROVED' | 'DECLINED';
  text: string;
}
