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

/**
 * What scoring adds to the features event. Only that is validated here: the rest was
 * validated against the same field schemas when the event arrived, and validating the whole
 * event again cost about a sixth of the service's CPU per application.
 */
const additionsSchema = applicationScoredSchema.shape.payload.pick({
  hops: true,
  champion: true,
  challenger: true,
  degraded: true,
  degradedReasons: true,
  standby: true,
  featureVector: true,
  featureNames: true,
});

/** Builds `inference.application-scored.v1` for a features event (what it adds validated). */
export function buildScoredEvent(
  event: GraphFeaturesComputedEvent,
  outcome: ScoringOutcome,
  now: Date,
): ApplicationScoredEvent {
  const includeGraph = outcome.champion.model.includesGraph;
  const added = additionsSchema.parse({
    hops: { ...event.payload.hops, scoredAt: now.getTime() },
    champion: championResult(event, outcome.champion),
    ...(outcome.challenger ? { challenger: modelResult(outcome.challenger) } : {}),
    degraded: outcome.degraded,
    degradedReasons: outcome.degradedReasons,
    ...(outcome.standby ? { standby: outcome.standby } : {}),
    featureVector: Array.from(outcome.champion.vector),
    featureNames: featureNames({ includeGraph }),
  });
  return {
    eventId: randomUUID(),
    type: 'application.scored',
    schemaVersion: 1,
    occurredAt: now.toISOString(),
    producedAt: now.toISOString(),
    source: SCORED_EVENT_SOURCE,
    correlationId: event.correlationId,
    causationId: event.eventId,
    payload: { ...event.payload, ...added },
  };
}
