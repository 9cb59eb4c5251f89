import type { GraphExplanation, ReasonCode } from '@loanmesh/contracts';

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

/**
 * Up to four principal reasons: rule hits, graph explanations (quoting paths) and model
 * attributions merged, ranked by weight, one reason per feature.
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
    ...modelReasons.filter((r) => r.contribution > 0),
  ];
  const seen = new Set<string>();
  return candidates
    .sort((a, b) => b.contribution - a.contribution)
    .filter((r) => {
      if (seen.has(r.feature)) {
        return false;
      }
      seen.add(r.feature);
      return true;
    })
    .slice(0, MAX_REASONS);
}
