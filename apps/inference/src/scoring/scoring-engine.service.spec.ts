import { featureNames } from '@loanmesh/features';

import { ClockAdapter } from '../common/clock.adapter';
import { FakeOnnxSession, fakeModel } from '../testing/fake-models';
import { FeaturesEventFactory } from '../testing/features-event.factory';
import { ActiveModelsService } from './active-models.service';
import { ScoringEngineService } from './scoring-engine.service';
import type { ScoringMetrics } from './scoring.metrics';
import { StandbyHandoverService } from './standby-handover.service';

const metrics = {
  observeLatency: jest.fn(),
  countScore: jest.fn(),
  countDegraded: jest.fn(),
  countChallengerFailure: jest.fn(),
  countHandover: jest.fn(),
  countStandbyScore: jest.fn(),
} as unknown as ScoringMetrics;

describe(ScoringEngineService.name, () => {
  const events = new FeaturesEventFactory();
  let active: ActiveModelsService;
  let sut: ScoringEngineService;

  beforeEach(() => {
    active = new ActiveModelsService();
    const clock = new ClockAdapter();
    sut = new ScoringEngineService(
      active,
      clock,
      metrics,
      new StandbyHandoverService(clock, metrics, { CHAMPION_LATENCY_BUDGET_MS: 1000, STANDBY_RETRY_MS: 60000 }),
    );
  });

  it('should score with the champion and not degrade when graph features are present', async () => {
    await active.replace({
      champion: fakeModel('champ').model,
      fallback: fakeModel('tab', { includesGraph: false }).model,
    });

    const outcome = await sut.score(events.build());

    expect(outcome.champion.model.label).toBe('champ:v1');
    expect(outcome.degraded).toBe(false);
    expect(outcome.degradedReasons).toEqual([]);
  });

  it('should use the tabular fallback and mark degraded when the features event is DEGRADED', async () => {
    await active.replace({
      champion: fakeModel('champ').model,
      fallback: fakeModel('tab', { includesGraph: false }).model,
    });

    const outcome = await sut.score(events.build({ degraded: true }));

    expect(outcome.champion.model.label).toBe('tab:v1');
    expect(outcome.champion.vector).toHaveLength(featureNames({ includeGraph: false }).length);
    expect(outcome.degraded).toBe(true);
    expect(outcome.degradedReasons[0]).toMatch(/^GRAPH_FEATURES_UNAVAILABLE: neo4j unavailable/);
  });

  it('should fall back and mark degraded when the champion fails to run', async () => {
    const broken = fakeModel('champ', { session: new FakeOnnxSession(new Error('onnx exploded')) });
    await active.replace({ champion: broken.model, fallback: fakeModel('tab', { includesGraph: false }).model });

    const outcome = await sut.score(events.build());

    expect(outcome.champion.model.label).toBe('tab:v1');
    expect(outcome.degradedReasons).toEqual([
      'CHAMPION_FAILED: champ:v1: onnx exploded',
      'FALLBACK_MODEL: scored by tab:v1',
    ]);
  });

  it('should fall back with the load problem when no champion is loaded', async () => {
    await active.replace({
      champion: null,
      championProblem: 'bad file',
      fallback: fakeModel('tab', { includesGraph: false }).model,
    });

    const outcome = await sut.score(events.build());

    expect(outcome.degradedReasons[0]).toBe('CHAMPION_UNAVAILABLE: bad file');
  });

  it('should reject with a retriable error when neither champion nor fallback can score', async () => {
    await active.replace({ champion: null, fallback: null });

    await expect(sut.score(events.build())).rejects.toMatchObject({ code: 'NO_MODEL_AVAILABLE', kind: 'UNAVAILABLE' });
  });

  it('should keep the champion result when the challenger fails in shadow', async () => {
    const challenger = fakeModel('chall', { session: new FakeOnnxSession(new Error('boom')) });
    await active.replace({ champion: fakeModel('champ').model, challenger: challenger.model });

    const outcome = await sut.score(events.build());

    expect(outcome.champion.model.label).toBe('champ:v1');
    expect(outcome.challenger).toBeNull();
    expect(outcome.degraded).toBe(false);
  });

  it('should score the challenger in shadow when one is active', async () => {
    await active.replace({
      champion: fakeModel('champ').model,
      challenger: fakeModel('chall', { session: new FakeOnnxSession(0.3) }).model,
    });

    const outcome = await sut.score(events.build());

    expect(outcome.challenger?.model.label).toBe('chall:v1');
    expect(outcome.challenger?.probabilityOfDefault).toBeCloseTo(0.3, 6);
    expect(outcome.challenger?.riskGrade).toBe('F');
  });

  it('should wait for the first model load when a message arrives before it', async () => {
    let settled = false;
    const scoring = sut.score(events.build()).then((o) => {
      settled = true;
      return o;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(settled).toBe(false);

    await active.replace({ champion: fakeModel('champ').model, championProblem: null });

    await expect(scoring).resolves.toMatchObject({ degraded: false });
  });
});
