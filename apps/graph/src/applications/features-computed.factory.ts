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

/** Builds (and validates against the contract) the event published for one application. */
export function featuresComputedEvent(
  received: ApplicationReceivedEvent,
  outcome: FeatureOutcome,
  featureVersion: string,
  computedInMs: number,
  now: Date,
): GraphFeaturesComputedEvent {
  const iso = now.toISOString();
  return graphFeaturesComputedSchema.parse({
    eventId: randomUUID(),
    type: 'graph.features-computed',
    schemaVersion: 1,
    occurredAt: iso,
    producedAt: iso,
    source: 'graph',
    correlationId: received.correlationId,
    causationId: received.eventId,
    payload: {
      ...received.payload,
      hops: { ...received.payload.hops, featuresAt: now.getTime() },
      status: outcome.status,
      ...(outcome.status === 'DEGRADED' ? { degradedReason: outcome.reason } : {}),
      graph: outcome.status === 'OK' ? outcome.graph : null,
      explanations: outcome.status === 'OK' ? outcome.explanations : [],
      featureVersion,
      computedInMs: Math.round(computedInMs * 100) / 100,
    },
  });
}
