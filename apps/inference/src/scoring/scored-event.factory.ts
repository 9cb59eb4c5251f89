import { randomUUID } from 'node:crypto';

import {
  type ApplicationScoredEvent,
  applicationScoredSchema,
  type GraphFeaturesComputedEvent,
  type ModelResult,
} from '@loanmesh/contracts';
import { featureNames } from '@loanmesh/features';

import { mergeGraphReasons } from './graph-reason.merger';
import type { ModelScore } from './loaded-model';
import type { ScoringOutcome } from './scoring-engine.service';

export const SCORED_EVENT_SOURCE = 'inference';

/** The champion's result with graph path explanations merged into its reasons. */
export function championResult(event: GraphFeaturesComputedEvent, score: ModelScore): ModelResult {
  const names = featureNames({ includeGraph: score.model.includesGraph });
  const contributionOf = (feature: string) => {
    const index = names.indexOf(feature);
    return index < 0 ? undefined : score.contributions[index];
  };
  return {
    ...modelResult(score),
    reasons: mergeGraphReasons(score.reasons, event.payload.explanations, contributionOf),
  };
}

export function modelResult(score: ModelScore): ModelResult {
  return {
    modelVersion: score.model.label,
    modelSha256: score.model.sha256,
    probabilityOfDefault: score.probabilityOfDefault,
    riskGrade: score.riskGrade,
    reasons: score.reasons,
    baseValue: score.baseValue,
    logit: score.logit,
  };
}

/** Builds and validates `inference.application-scored.v1` for a features event. */
export function buildScoredEvent(
  event: GraphFeaturesComputedEvent,
  outcome: ScoringOutcome,
  now: Date,
): ApplicationScoredEvent {
  const includeGraph = outcome.champion.model.includesGraph;
  const scored: ApplicationScoredEvent = {
    eventId: randomUUID(),
    type: 'application.scored',
    schemaVersion: 1,
    occurredAt: now.toISOString(),
    producedAt: now.toISOString(),
    source: SCORED_EVENT_SOURCE,
    correlationId: event.correlationId,
    causationId: event.eventId,
    payload: {
      ...event.payload,
      hops: { ...event.payload.hops, scoredAt: now.getTime() },
      champion: championResult(event, outcome.champion),
      ...(outcome.challenger ? { challenger: modelResult(outcome.challenger) } : {}),
      degraded: outcome.degraded,
      degradedReasons: outcome.degradedReasons,
      ...(outcome.standby ? { standby: outcome.standby } : {}),
      featureVector: Array.from(outcome.champion.vector),
      featureNames: featureNames({ includeGraph }),
    },
  };
  return applicationScoredSchema.parse(scored);
}
