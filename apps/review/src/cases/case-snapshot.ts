import type { ApplicationScoredEvent } from '@loanmesh/contracts';

import type { RuleHit } from '../policy/rule-hit';

type Scored = ApplicationScoredEvent['payload'];

/** Why an application that was never scored came to a human (the `application.incomplete` event). */
export interface IncompleteApplication {
  reason: string;
  missing: string[];
  parkedAt: string;
  expiredAt: string;
}

/**
 * What the officer sees of the application: the scored event's content plus the policy's
 * verdict. An application that never became complete has no company, history or score
 * (null), and says what was missing in `incomplete`.
 */
export interface CaseSnapshot {
  application: Scored['application'];
  company: Scored['company'] | null;
  history: Scored['history'] | null;
  guarantors: Scored['guarantors'];
  graph: Scored['graph'];
  explanations: Scored['explanations'];
  champion: Scored['champion'] | null;
  degraded: boolean;
  degradedReasons: string[];
  hops: Scored['hops'];
  ruleHits: RuleHit[];
  policyVersion: number;
  automaticDecisionId: string;
  incomplete?: IncompleteApplication;
}
