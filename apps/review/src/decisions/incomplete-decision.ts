import type { ApplicationIncompleteEvent, ApplicationIncompleteReason } from '@loanmesh/contracts';
import { inboxEntryOf } from '@loanmesh/database';

import { amountFourEyes, type PolicyEvaluation } from '../policy/decision-policy.evaluator';
import type { ActivePolicy } from '../policy/policy.service';
import type { RuleHit } from '../policy/rule-hit';
import { NO_MODEL_VERSION } from './decision-publisher.service';
import type { PendingDecision, PreparedDecision } from './pending-decision';
import { principalReasons } from './principal-reasons';

export const INCOMPLETE_CONSUMER = 'review.application-incomplete';

type Incomplete = ApplicationIncompleteEvent['payload'];

/** Every reason has its words: a new reason in the contract does not compile until it is given them. */
const HIT_OF: Record<ApplicationIncompleteReason, (p: Incomplete) => RuleHit> = {
  MISSING_COMPANY_DATA: (p) => ({
    code: 'MISSING_COMPANY_DATA',
    kind: 'INCOMPLETE',
    feature: 'companyData',
    text: `Company data never arrived from core banking within ${waited(p.parkedAt, p.expiredAt)}`,
  }),
};

/**
 * An application ingestion gave up on (`application.incomplete`): it can never be scored,
 * so it is referred to a human with what was missing as the principal reason, in the same
 * ledger as every automatic decision. The policy version in force is recorded; only its
 * four-eyes amount rule can apply, there being nothing else to evaluate.
 */
export function incompleteDecision(event: ApplicationIncompleteEvent, policy: ActivePolicy): PendingDecision {
  const p = event.payload;
  const hit = HIT_OF[p.reason](p);
  // No score, so no recommendation: REFER means a human outcome is never an override.
  const evaluation: PolicyEvaluation = {
    outcome: 'REFER',
    modelRecommendation: 'REFER',
    ruleHits: [hit],
    fourEyes: amountFourEyes(policy.rules, p.application.amount),
  };
  const incomplete = { reason: p.reason, missing: p.missing, parkedAt: p.parkedAt, expiredAt: p.expiredAt };
  return {
    consumer: INCOMPLETE_CONSUMER,
    eventId: event.eventId,
    inbox: inboxEntryOf(event),
    applicationId: p.application.applicationId,
    outcome: 'REFERRED',
    prepare(now: Date): PreparedDecision {
      const reasons = principalReasons([], evaluation.ruleHits, []);
      const hops = { submittedAt: Date.parse(p.application.submittedAt), decidedAt: now.getTime() };
      return {
        draft: {
          applicationId: p.application.applicationId,
          companyId: p.application.companyId,
          outcome: 'REFERRED',
          automatic: true,
          decidedBy: 'policy',
          decidedAt: now,
          content: {
            kind: 'INCOMPLETE',
            eventId: event.eventId,
            applicationId: p.application.applicationId,
            companyId: p.application.companyId,
            outcome: 'REFERRED',
            policyVersion: policy.version,
            modelRecommendation: evaluation.modelRecommendation,
            ruleHits: evaluation.ruleHits,
            principalReasons: reasons,
            fourEyes: evaluation.fourEyes,
            hops,
            incomplete: p,
          },
        },
        announcement: {
          principalReasons: reasons,
          policyVersion: policy.version,
          modelVersion: NO_MODEL_VERSION,
          hops,
          causationId: event.eventId,
          correlationId: event.correlationId,
        },
        referral: (decision) => ({
          snapshot: {
            application: p.application,
            company: null,
            history: null,
            guarantors: p.guarantors,
            graph: null,
            explanations: [],
            champion: null,
            degraded: false,
            degradedReasons: [],
            hops,
            ruleHits: evaluation.ruleHits,
            policyVersion: policy.version,
            automaticDecisionId: decision.id,
            incomplete,
          },
          evaluation,
        }),
      };
    },
  };
}

/** "15 minutes" for the usual wait; seconds when the configured wait is shorter than a minute. */
export function waited(from: string, to: string): string {
  const seconds = Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / 1000));
  if (seconds < 60) {
    return `${seconds} seconds`;
  }
  const minutes = Math.floor(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
