import { randomUUID } from 'node:crypto';

import {
  graphFeaturesComputedSchema,
  type ApplicationReceivedEvent,
  type GraphExplanation,
  type GraphFeatures,
  type GraphFeaturesComputedEvent,
} from '@loanmesh/contracts';

export type FeatureOutcome =
  { status: 'OK'; graph: GraphFeatures; explanations: GraphExplanation[] } | { status: 'DEGRADED'; reason: string };

/**
 * What this service adds to the application it received. Only that is validated here: the
 * rest was validated against the same field schemas when it arrived, and validating the
 * whole event again cost about an eighth of the service's CPU per application.
 */
const additionsSchema = graphFeaturesComputedSchema.shape.payload.pick({
  hops: true,
  status: true,
  degradedReason: true,
  graph: true,
  explanations: true,
  featureVersion: true,
  computedInMs: true,
});

/** Builds the event published for one application (what it adds validated against the contract). */
export function featuresComputedEvent(
  received: ApplicationReceivedEvent,
  outcome: FeatureOutcome,
  featureVersion: string,
  computedInMs: number,
  now: Date,
): GraphFeaturesComputedEvent {
  const iso = now.toISOString();
  const added = additionsSchema.parse({
    hops: { ...received.payload.hops, featuresAt: now.getTime() },
    status: outcome.status,
    ...(outcome.status === 'DEGRADED' ? { degradedReason: outcome.reason } : {}),
    graph: outcome.status === 'OK' ? outcome.graph : null,
    explanations: outcome.status === 'OK' ? outcome.explanations : [],
    featureVersion,
    computedInMs: Math.round(computedInMs * 100) / 100,
  });
  return {
    eventId: randomUUID(),
    type: 'graph.features-computed',
    schemaVersion: 1,
    occurredAt: iso,
    producedAt: iso,
    source: 'graph',
    correlationId: received.correlationId,
    causationId: received.eventId,
    payload: { ...received.payload, ...added },
  };
}
