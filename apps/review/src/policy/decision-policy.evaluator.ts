import type { ApplicationScoredEvent } from '@loanmesh/contracts';

import type { PolicyOutcome, PolicyRules } from './policy-rules.schema';
import type { RuleHit } from './rule-hit';

export type PolicyInput = Pick<
  ApplicationScoredEvent['payload'],
  'application' | 'company' | 'history' | 'graph' | 'champion' | 'degraded' | 'degradedReasons'
>;

export interface PolicyEvaluation {
  outcome: PolicyOutcome;
  /** What the score alone says (grade and PD cut-offs); a human outcome against it is an override. */
  modelRecommendation: PolicyOutcome;
  ruleHits: RuleHit[];
  fourEyes: { required: boolean; reasons: string[] };
}

/**
 * The decision policy as a pure function. Order: degraded input goes to a human; knock-outs
 * decline; the score gives a recommendation; authority limits and graph triggers can only
 * send an application to a human, never approve it (a score decline stays a decline).
 */
export function evaluatePolicy(rules: PolicyRules, input: PolicyInput): PolicyEvaluation {
  const modelRecommendation = scoreOutcome(rules, input);
  const graphHits = graphTriggerHits(rules, input);
  const fourEyes = fourEyesOf(rules, input, graphHits);
  if (input.degraded) {
    const hit: RuleHit = {
      code: 'DEGRADED_SCORE',
      kind: 'DEGRADED',
      feature: 'degraded',
      text: `Scored in degraded mode (${input.degradedReasons.join(', ') || 'unknown reason'}); a human must review`,
    };
    return { outcome: 'REFER', modelRecommendation, ruleHits: [hit, ...graphHits], fourEyes };
  }
  const knockouts = knockoutHits(rules, input);
  if (knockouts.length > 0) {
    return { outcome: 'AUTO_DECLINE', modelRecommendation, ruleHits: knockouts, fourEyes };
  }
  if (modelRecommendation === 'AUTO_DECLINE') {
    // Graph red flags only strengthen a decline; they are kept as reasons, not sent to a human.
    return { outcome: 'AUTO_DECLINE', modelRecommendation, ruleHits: graphHits, fourEyes };
  }
  const hits: RuleHit[] = [...graphHits];
  if (modelRecommendation === 'AUTO_APPROVE' && input.application.amount > rules.authority.autoApproveMaxAmount) {
    hits.push({
      code: 'AUTHORITY_LIMIT',
      kind: 'AUTHORITY',
      feature: 'amount',
      text: `Amount ${input.application.amount} is above the automatic approval limit of ${rules.authority.autoApproveMaxAmount}`,
    });
  }
  const outcome = hits.length > 0 ? 'REFER' : modelRecommendation;
  if (outcome === 'REFER' && modelRecommendation === 'REFER') {
    hits.push(scoreReferralHit(input));
  }
  return { outcome, modelRecommendation, ruleHits: hits, fourEyes };
}

function scoreOutcome(rules: PolicyRules, input: PolicyInput): PolicyOutcome {
  const pd = input.champion.probabilityOfDefault;
  if (pd >= rules.pdCutoffs.autoDeclineMinPd) {
    return 'AUTO_DECLINE';
  }
  const byGrade = rules.grades[input.champion.riskGrade];
  if (byGrade === 'AUTO_APPROVE' && pd > rules.pdCutoffs.autoApproveMaxPd) {
    return 'REFER';
  }
  return byGrade;
}

function scoreReferralHit(input: PolicyInput): RuleHit {
  const pct = (input.champion.probabilityOfDefault * 100).toFixed(1);
  return {
    code: 'SCORE_GREY_ZONE',
    kind: 'SCORE',
    feature: 'probabilityOfDefault',
    text: `Risk grade ${input.champion.riskGrade} (PD ${pct}%) is in the grey zone that needs a human`,
  };
}

export function knockoutHits(rules: PolicyRules, input: PolicyInput): RuleHit[] {
  const k = rules.knockouts;
  const hits: RuleHit[] = [];
  if (input.history.activePublicRecords > k.maxActivePublicRecords) {
    hits.push({
      code: 'KO_PUBLIC_RECORD',
      kind: 'KNOCKOUT',
      feature: 'activePublicRecords',
      text: `${input.history.activePublicRecords} active court judgment(s) or public record(s) against the company`,
    });
  }
  if (input.history.priorDefaults > k.maxPriorDefaults) {
    hits.push({
      code: 'KO_PRIOR_DEFAULT',
      kind: 'KNOCKOUT',
      feature: 'priorDefaults',
      text: `${input.history.priorDefaults} earlier default(s) with the bank`,
    });
  }
  const age = companyAgeMonths(input.company.registeredAt, input.application.submittedAt);
  if (age < k.minCompanyAgeMonths) {
    hits.push({
      code: 'KO_COMPANY_AGE',
      kind: 'KNOCKOUT',
      feature: 'companyAgeMonths',
      text: `Company is ${age} months old; the minimum is ${k.minCompanyAgeMonths}`,
    });
  }
  if (k.blacklistedCompanyIds.includes(input.company.companyId)) {
    hits.push({ code: 'KO_BLACKLIST', kind: 'KNOCKOUT', feature: 'companyId', text: 'Company is on the blacklist' });
  }
  return hits;
}

export function graphTriggerHits(rules: PolicyRules, input: PolicyInput): RuleHit[] {
  const g = input.graph;
  const t = rules.graphTriggers;
  if (!g) {
    return [];
  }
  const hits: RuleHit[] = [];
  if (t.guaranteeCircle && g.inGuaranteeCircle === 1) {
    hits.push({
      code: 'GRAPH_GUARANTEE_CIRCLE',
      kind: 'GRAPH',
      feature: 'inGuaranteeCircle',
      text: `Part of a guarantee circle of ${g.guaranteeCircleSize} companies`,
    });
  }
  if (t.circularOwnership && g.circularOwnership === 1) {
    hits.push({
      code: 'GRAPH_CIRCULAR_OWNERSHIP',
      kind: 'GRAPH',
      feature: 'circularOwnership',
      text: 'Ownership chain loops back to the company',
    });
  }
  if (g.sharedIdentifierBadCompanies > t.maxSharedIdentifierBadCompanies) {
    hits.push({
      code: 'GRAPH_SHARED_IDENTIFIERS',
      kind: 'GRAPH',
      feature: 'sharedIdentifierBadCompanies',
      text: `Shares a phone, address or account with ${g.sharedIdentifierBadCompanies} companies that defaulted or have judgments`,
    });
  }
  if (g.defaultedNeighbourShare > t.maxDefaultedNeighbourShare) {
    hits.push({
      code: 'GRAPH_DEFAULTED_NEIGHBOURS',
      kind: 'GRAPH',
      feature: 'defaultedNeighbourShare',
      text: `${Math.round(g.defaultedNeighbourShare * 100)}% of its 2-hop neighbours have defaulted`,
    });
  }
  if (g.shellScore > t.maxShellScore) {
    hits.push({
      code: 'GRAPH_SHELL_COMPANY',
      kind: 'GRAPH',
      feature: 'shellScore',
      text: `Looks like a shell company (score ${g.shellScore.toFixed(2)})`,
    });
  }
  return hits;
}

function fourEyesOf(rules: PolicyRules, input: PolicyInput, graphHits: RuleHit[]): PolicyEvaluation['fourEyes'] {
  const reasons = [...amountFourEyes(rules, input.application.amount).reasons];
  if (rules.fourEyes.onGraphRisk && graphHits.length > 0) {
    reasons.push(`graph risk: ${graphHits.map((h) => h.code).join(', ')}`);
  }
  return { required: reasons.length > 0, reasons };
}

/** The policy's four-eyes rule on the amount alone: all there is for an application that was never scored. */
export function amountFourEyes(rules: PolicyRules, amount: number): PolicyEvaluation['fourEyes'] {
  const reasons = amount > rules.fourEyes.amountAbove ? [`amount above ${rules.fourEyes.amountAbove}`] : [];
  return { required: reasons.length > 0, reasons };
}

/** Whole months from registration (YYYY-MM-DD) to submission. */
export function companyAgeMonths(registeredAt: string, submittedAt: string): number {
  const from = new Date(`${registeredAt}T00:00:00Z`);
  const to = new Date(submittedAt);
  const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  return to.getUTCDate() < from.getUTCDate() ? months - 1 : months;
}
