import { randomUUID } from 'node:crypto';

import type { GraphExplanation, GraphFeaturesComputedEvent } from '@loanmesh/contracts';
import { FEATURE_VERSION, SyntheticHistoryFactory } from '@loanmesh/features';

export interface FeaturesEventOverrides {
  applicationId?: string;
  degraded?: boolean;
  explanations?: GraphExplanation[];
}

/** `graph.features-computed.v1` events built from seeded synthetic applications. */
export class FeaturesEventFactory {
  private readonly history: SyntheticHistoryFactory;
  private index = 0;

  constructor(seed = 11) {
    this.history = new SyntheticHistoryFactory(seed);
  }

  build(overrides: FeaturesEventOverrides = {}): GraphFeaturesComputedEvent {
    return this.buildLabelled(overrides).event;
  }

  /** An event with the outcome the synthetic world drew for it (defaults follow its true probability). */
  buildLabelled(overrides: FeaturesEventOverrides = {}): { event: GraphFeaturesComputedEvent; defaulted: boolean } {
    const i = this.index++;
    const { input, label } = this.history.row(i, Math.floor(i / 10));
    const applicationId = overrides.applicationId ?? `${input.application.applicationId}-${randomUUID().slice(0, 8)}`;
    const now = new Date().toISOString();
    const event: GraphFeaturesComputedEvent = {
      eventId: randomUUID(),
      type: 'graph.features-computed',
      schemaVersion: 1,
      occurredAt: now,
      producedAt: now,
      source: 'graph',
      correlationId: `corr-${applicationId}`,
      payload: {
        application: { ...input.application, applicationId },
        guarantors: [],
        company: input.company,
        history: input.history,
        hops: { submittedAt: Date.now() },
        status: overrides.degraded ? 'DEGRADED' : 'OK',
        ...(overrides.degraded ? { degradedReason: 'neo4j unavailable' } : {}),
        graph: overrides.degraded ? null : input.graph,
        explanations: overrides.explanations ?? [],
        featureVersion: FEATURE_VERSION,
        computedInMs: 3,
      },
    };
    return { event, defaulted: label === 1 };
  }
}
