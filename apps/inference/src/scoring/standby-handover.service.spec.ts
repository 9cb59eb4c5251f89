import { ClockAdapter } from '../common/clock.adapter';
import { FakeOnnxSession, fakeModel } from '../testing/fake-models';
import { FeaturesEventFactory } from '../testing/features-event.factory';
import { ChampionLoadedHealthIndicator } from '../health/champion-loaded.health-indicator';
import { ActiveModelsService } from './active-models.service';
import { ScoringEngineService } from './scoring-engine.service';
import type { ScoringMetrics } from './scoring.metrics';
import { StandbyHandoverService } from './standby-handover.service';

/** The real clock, but with a monotonic time the test moves. */
class SteppedClock extends ClockAdapter {
  ms = 0;
  override monotonicMs(): number {
    return this.ms;
  }
}

const fakeMetrics = () =>
  ({
    observeLatency: jest.fn(),
    countScore: jest.fn(),
    countDegraded: jest.fn(),
    countChallengerFailure: jest.fn(),
    countHandover: jest.fn(),
    countStandbyScore: jest.fn(),
  }) as unknown as ScoringMetrics & { countHandover: jest.Mock; countStandbyScore: jest.Mock };

describe(StandbyHandoverService.name, () => {
  const events = new FeaturesEventFactory();
  let active: ActiveModelsService;
  let clock: SteppedClock;
  let metrics: ReturnType<typeof fakeMetrics>;
  let handover: StandbyHandoverService;
  let engine: ScoringEngineService;
  const tab = () => fakeModel('tab', { includesGraph: false }).model;

  beforeEach(() => {
    active = new ActiveModelsService();
    clock = new SteppedClock();
    metrics = fakeMetrics();
    handover = new StandbyHandoverService(clock, metrics, { CHAMPION_LATENCY_BUDGET_MS: 20, STANDBY_RETRY_MS: 1000 });
    engine = new ScoringEngineService(active, clock, metrics, handover);
  });

  it('should score with the standby, marked and not degraded, when the champion throws', async () => {
    const broken = fakeModel('champ', { session: new FakeOnnxSession(new Error('onnx exploded')) });
    await active.replace({ champion: broken.model, standby: fakeModel('prev').model, fallback: tab() });

    const outcome = await engine.score(events.build());

    expect(outcome.champion.model.label).toBe('prev:v1');
    expect(outcome.degraded).toBe(false);
    expect(outcome.standby).toEqual({
      replacedModelVersion: 'champ:v1',
      reason: 'CHAMPION_FAILED: champ:v1: onnx exploded',
    });
    expect(metrics.countHandover).toHaveBeenCalledWith('error');
  });

  it('should send the rest of the batch straight to the standby once the champion failed', async () => {
    const broken = fakeModel('champ', { session: new FakeOnnxSession(new Error('onnx exploded')) });
    await active.replace({ champion: broken.model, standby: fakeModel('prev').model, fallback: tab() });

    const batch = await Promise.all(Array.from({ length: 5 }, () => engine.score(events.build())));
    const after = await engine.score(events.build());

    expect(batch.every((o) => o.champion.model.label === 'prev:v1')).toBe(true);
    expect(after.champion.model.label).toBe('prev:v1');
    expect(after.standby?.reason).toBe('CHAMPION_HANDED_OVER: champ:v1: onnx exploded');
    expect(broken.session.runs).toBe(5);
  });

  it('should hand over when the champion exceeds its latency budget', async () => {
    const slow = fakeModel('champ', { session: new FakeOnnxSession('hang') });
    await active.replace({ champion: slow.model, standby: fakeModel('prev').model, fallback: tab() });

    const outcome = await engine.score(events.build());

    expect(outcome.champion.model.label).toBe('prev:v1');
    expect(outcome.standby?.reason).toBe('CHAMPION_FAILED: champ:v1: exceeded its latency budget of 20 ms');
    expect(metrics.countHandover).toHaveBeenCalledWith('latency');
  });

  it('should score with the standby when the champion could not load', async () => {
    await active.replace({ champion: null, championProblem: 'bad file', standby: fakeModel('prev').model });

    const outcome = await engine.score(events.build());

    expect(outcome.champion.model.label).toBe('prev:v1');
    expect(outcome.standby).toEqual({ replacedModelVersion: null, reason: 'CHAMPION_UNAVAILABLE: bad file' });
  });

  it('should try the champion again after the retry interval and serve it when it recovered', async () => {
    const flaky = new FakeOnnxSession(new Error('transient'));
    const champ = fakeModel('champ', { session: flaky });
    await active.replace({ champion: champ.model, standby: fakeModel('prev').model, fallback: tab() });
    await engine.score(events.build());
    Object.assign(flaky, { probability: 0.05 });

    const early = await engine.score(events.build());
    clock.ms = 1000;
    const retried = await engine.score(events.build());

    expect(early.champion.model.label).toBe('prev:v1');
    expect(retried.champion.model.label).toBe('champ:v1');
    expect(retried.standby).toBeNull();
    expect(handover.handedOver()).toBeNull();
  });

  it('should fall back to the tabular model, degraded, when the standby fails too', async () => {
    const broken = fakeModel('champ', { session: new FakeOnnxSession(new Error('a')) });
    const standby = fakeModel('prev', { session: new FakeOnnxSession(new Error('b')) });
    await active.replace({ champion: broken.model, standby: standby.model, fallback: tab() });

    const outcome = await engine.score(events.build());

    expect(outcome.champion.model.label).toBe('tab:v1');
    expect(outcome.degraded).toBe(true);
    expect(outcome.degradedReasons).toEqual([
      'CHAMPION_FAILED: champ:v1: a',
      'STANDBY_FAILED: prev:v1: b',
      'FALLBACK_MODEL: scored by tab:v1',
    ]);
  });

  it('should report the handover in readiness when the champion handed over', async () => {
    const broken = fakeModel('champ', { session: new FakeOnnxSession(new Error('onnx exploded')) });
    await active.replace({ champion: broken.model, standby: fakeModel('prev').model, fallback: tab() });
    const health = new ChampionLoadedHealthIndicator(active, handover);
    await expect(health.check()).resolves.toBeUndefined();

    await engine.score(events.build());

    await expect(health.check()).rejects.toThrow(
      'champion champ:v1 handed over: onnx exploded; standby prev:v1 serving',
    );
  });
});
