import type { GraphExplanation, ReasonCode } from '@loanmesh/contracts';
import { MIN_REASON_CONTRIBUTION } from '@loanmesh/features';

import type { RuleHit } from '../policy/rule-hit';

const MAX_REASONS = 4;
/** Rules outrank everything: a knock-out is the reason, whatever the model says. */
const RULE_WEIGHT: Record<RuleHit['kind'], number> = {
  INCOMPLETE: 100,
  KNOCKOUT: 100,
  DEGRADED: 90,
  GRAPH: 80,
  AUTHORITY: 70,
  SCORE: 10,
};
const GRAPH_WEIGHT: Record<GraphExplanation['severity'], number> = { HIGH: 3, WARN: 1.5, INFO: 0.2 };
/** When two sources state one fact, the text of the stronger source is kept. */
const SOURCE_RANK: Record<ReasonCode['source'], number> = { RULE: 3, GRAPH: 2, MODEL: 1 };
/** Rule features named differently from the model feature that states the same fact. */
const RULE_FACT: Readonly<Record<string, string>> = { amount: 'loanAmount' };

/**
 * The underlying fact a reason states, whatever its source: model features of the graph group
 * are `graph_<name>`, graph explanations and graph rules use `<name>`, a few rules their own
 * field name. One fact yields one reason.
 */
export function reasonFact(feature: string): string {
  const bare = feature.startsWith('graph_') ? feature.slice('graph_'.length) : feature;
  return RULE_FACT[bare] ?? bare;
}

/**
 * Up to four principal reasons: rule hits, graph explanations (quoting paths) and model
 * attributions merged, one per underlying fact (`reasonFact`) with the strongest source's text
 * (rule > graph > model), ranked by weight. Model reasons below MIN_REASON_CONTRIBUTION (or
 * risk-decreasing) are never reasons.
 */
export function principalReasons(
  modelReasons: ReasonCode[],
  ruleHits: RuleHit[],
  explanations: GraphExplanation[],
): ReasonCode[] {
  const candidates: ReasonCode[] = [
    ...ruleHits.map((h) => ({
      code: h.code,
      feature: h.feature,
      contribution: RULE_WEIGHT[h.kind],
      text: h.text,
      source: 'RULE' as const,
    })),
    ...explanations.map((e) => ({
      code: `GRAPH_${e.feature.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`,
      feature: e.feature,
      contribution: GRAPH_WEIGHT[e.severity],
      text: e.text,
      source: 'GRAPH' as const,
    })),
    ...modelReasons.filter((r) => r.contribution >= MIN_REASON_CONTRIBUTION),
  ];
  const byFact = new Map<string, ReasonCode>();
  for (const candidate of candidates) {
    const fact = reasonFact(candidate.feature);
    const kept = byFact.get(fact);
    if (!kept || outranks(candidate, kept)) {
      byFact.set(fact, candidate);
    }
  }
  return [...byFact.values()].sort((a, b) => b.contribution - a.contribution).slice(0, MAX_REASONS);
}

function outranks(a: ReasonCode, b: ReasonCode): boolean {
  const bySource = SOURCE_RANK[a.source] - SOURCE_RANK[b.source];
  return bySource > 0 || (bySource === 0 && a.contribution > b.contribution);
}
