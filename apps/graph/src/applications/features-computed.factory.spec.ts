import { GRAPH_FEATURE_NAMES, graphFeaturesComputedSchema, type GraphFeatures } from '@loanmesh/contracts';

import { GraphEventFactory } from '../testing/graph-event.factory';
import { featuresComputedEvent } from './features-computed.factory';

const events = new GraphEventFactory('fcf');
const received = events.applicationReceived('app-1', 'co-1', '2026-11-30T09:00:00.000Z');
const graph = Object.fromEntries(GRAPH_FEATURE_NAMES.map((name) => [name, 0])) as GraphFeatures;
const now = new Date('2026-12-01T10:00:00.000Z');

describe(featuresComputedEvent.name, () => {
  it('should build an event the whole contract accepts, carrying the received application on', () => {
    const event = featuresComputedEvent(received, { status: 'OK', graph, explanations: [] }, 'v1', 3.14159, now);

    expect(graphFeaturesComputedSchema.safeParse(event).success).toBe(true);
    expect(event.payload.application).toEqual(received.payload.application);
    expect(event.payload.hops).toEqual({ ...received.payload.hops, featuresAt: now.getTime() });
    expect(event.payload.computedInMs).toBe(3.14);
    expect(event.causationId).toBe(received.eventId);
  });

  it('should build a degraded event with its reason and no features', () => {
    const event = featuresComputedEvent(received, { status: 'DEGRADED', reason: 'neo4j away' }, 'v1', 1, now);

    expect(graphFeaturesComputedSchema.safeParse(event).success).toBe(true);
    expect(event.payload).toMatchObject({ status: 'DEGRADED', degradedReason: 'neo4j away', graph: null });
  });

  it('should refuse what it adds when the contract does not accept it (a non-finite feature)', () => {
    const broken = { ...graph, [GRAPH_FEATURE_NAMES[0]]: Number.NaN };

    expect(() =>
      featuresComputedEvent(received, { status: 'OK', graph: broken, explanations: [] }, 'v1', 1, now),
    ).toThrow();
  });
});
