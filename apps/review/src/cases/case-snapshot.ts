import type { ApplicationScoredEvent } from '@loanmesh/contracts';

import type { RuleHit } from '../policy/rule-hit';

type Scored = ApplicationScoredEvent['payload'];

/** What the officer sees of the application: the scored event's content plus the policy's verdict. */
export interface CaseSnapshot {
  application: Scored['application'];
  company: Scored['company'];
  history: Scored['history'];
  guarantors: Scored['guarantors'];
  graph: Scored['graph'];
  explanations: Scored['explanations'];
  champion: Scored['champion'];
  degraded: boolean;
  degradedReasons: string[];
  hops: Scored['hops'];
  ruleHits: RuleHit[];
  policyVersion: number;
  automaticDecisionId: string;
}
