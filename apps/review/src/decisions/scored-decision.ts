import type { ApplicationScoredEvent } from '@loanmesh/contracts';
import { inboxEntryOf } from '@loanmesh/database';

import type { PolicyEvaluation } from '../policy/decision-policy.evaluator';
import { OUTCOME_OF } from '../policy/policy-backtest';
import type { ActivePolicy } from '../policy/policy.service';
import type { PendingDecision, PreparedDecision } from './pending-decision';
import { principalReasons } from './principal-reasons';

export const SCORED_CONSUMER = 'review.application-scored';

/** A scored application decided by the active policy; the ledger keeps the whole scored event. */
export function scoredDecision(
  event: ApplicationScoredEvent,
  policy: ActivePolicy,
  evaluation: PolicyEvaluation,
): PendingDecision {
  const p = event.payload;
  const outcome = OUTCOME_OF[evaluation.outcome];
  return {
    consumer: SCORED_CONSUMER,
    eventId: event.eventId,
    inbox: inboxEntryOf(event),
    applicationId: p.application.applicationId,
    outcome,
    prepare(now: Date): PreparedDecision {
      const reasons =
        outcome === 'APPROVED' ? [] : principalReasons(p.champion.reasons, evaluation.ruleHits, p.explanations);
      const hops = { ...p.hops, decidedAt: now.getTime() };
      return {
        draft: {
          applicationId: p.application.applicationId,
          companyId: p.company.companyId,
          outcome,
          automatic: true,
          decidedBy: 'policy',
          decidedAt: now,
          content: {
            kind: 'AUTOMATIC',
            eventId: event.eventId,
            applicationId: p.application.applicationId,
            companyId: p.company.companyId,
            outcome,
            policyVersion: policy.version,
            modelVersion: p.champion.modelVersion,
            modelSha256: p.champion.modelSha256,
            probabilityOfDefault: p.champion.probabilityOfDefault,
            riskGrade: p.champion.riskGrade,
            modelRecommendation: evaluation.modelRecommendation,
            ruleHits: evaluation.ruleHits,
            principalReasons: reasons,
            fourEyes: evaluation.fourEyes,
            hops,
            scored: p,
          },
        },
        announcement: {
          principalReasons: reasons,
          policyVersion: policy.version,
          modelVersion: p.champion.modelVersion,
          hops,
          causationId: event.eventId,
          correlationId: event.correlationId,
        },
        referral: (decision) => {
          const {
            application,
            company,
            history,
            guarantors,
            graph,
            explanations,
            champion,
            degraded,
            degradedReasons,
          } = p;
          return {
            snapshot: {
              ...{
                application,
                company,
                history,
                guarantors,
                graph,
                explanations,
                champion,
                degraded,
                degradedReasons,
              },
              hops,
              ruleHits: evaluation.ruleHits,
              policyVersion: policy.version,
              automaticDecisionId: decision.id,
            },
            evaluation,
          };
        },
      };
    },
  };
}
