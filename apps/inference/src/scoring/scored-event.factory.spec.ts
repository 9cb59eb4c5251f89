import { applicationScoredSchema } from '@loanmesh/contracts';
import { featureNames } from '@loanmesh/features';

import { FeaturesEventFactory } from '../testing/features-event.factory';
import { fakeModel } from '../testing/fake-models';
import { buildScoredEvent } from './scored-event.factory';
import type { TimedScore } from './scoring-engine.service';

const now = new Date('2026-12-01T10:00:00.000Z');

function score(probabilityOfDefault: number): TimedScore {
  const { model } = fakeModel('champion');
  const n = featureNames({ includeGraph: true }).length;
  return {
    model: model.identity,
    probabilityOfDefault,
    riskGrade: 'B',
    logit: Math.log(probabilityOfDefault / (1 - probabilityOfDefault)),
    baseValue: -3,
    contributions: new Float64Array(n),
    reasons: [],
    vector: new Float64Array(n).fill(1),
    scoringMs: 2,
  };
}

describe(buildScoredEvent.name, () => {
  const features = new FeaturesEventFactory().build();

  it('should build an event the whole contract accepts, carrying the features event on', () => {
    const event = buildScoredEvent(
      features,
      { champion: score(0.04), challenger: score(0.05), degraded: false, degradedReasons: [], standby: null },
      now,
    );

    expect(applicationScoredSchema.safeParse(event).success).toBe(true);
    expect(event.payload.application).toEqual(features.payload.application);
    expect(event.payload.graph).toEqual(features.payload.graph);
    expect(event.payload.hops).toEqual({ ...features.payload.hops, scoredAt: now.getTime() });
    expect(event.payload.challenger?.probabilityOfDefault).toBe(0.05);
    expect(event.causationId).toBe(features.eventId);
  });

  it('should refuse what it adds when the contract does not accept it (a probability above 1)', () => {
    expect(() =>
      buildScoredEvent(
        features,
        { champion: score(1.5), challenger: null, degraded: false, degradedReasons: [], standby: null },
        now,
      ),
    ).toThrow();
  });
});
