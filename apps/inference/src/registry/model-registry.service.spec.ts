import type { EntityManager } from 'typeorm';

import type { ClockAdapter } from '../common/clock.adapter';
import type { InferenceConfig } from '../config/inference.config';
import { ActiveModelsService } from '../scoring/active-models.service';
import type { ModelLoaderService } from '../scoring/model-loader.service';
import { FakeOnnxSession, fakeModel } from '../testing/fake-models';
import type { ModelRegistryRepository, StateChange } from './model-registry.repository';
import { ModelRegistryService } from './model-registry.service';
import type { ModelState } from './model-state';
import type { ModelVersionEntity } from './model-version.entity';

function version(name: string, state: ModelState, auc: number): ModelVersionEntity {
  return {
    id: `id-${name}`,
    name,
    version: 1,
    state,
    includesGraph: true,
    card: { metrics: { test: { auc } }, parity: { passed: true, maxAbsDifference: 0, tolerance: 1e-5 } },
  } as ModelVersionEntity;
}

describe(ModelRegistryService.name, () => {
  let models: Map<string, ModelVersionEntity>;
  let changes: StateChange[];
  let active: ActiveModelsService;
  let session: FakeOnnxSession;
  let sut: ModelRegistryService;

  beforeEach(async () => {
    models = new Map(
      [version('champ', 'champion', 0.78), version('good', 'candidate', 0.775), version('weak', 'candidate', 0.7)].map(
        (m) => [m.id, m],
      ),
    );
    changes = [];
    const repository = {
      findById: (id: string) => Promise.resolve(models.get(id) ?? null),
      findInState: (state: ModelState) => Promise.resolve([...models.values()].find((m) => m.state === state) ?? null),
      promotions: () => Promise.resolve([]),
      locked: <T>(work: (m: EntityManager) => Promise<T>) => work({} as EntityManager),
      changeState: (_m: EntityManager, c: StateChange) => {
        changes.push(c);
        models.set(c.model.id, { ...c.model, state: c.to });
        return Promise.resolve();
      },
    } as unknown as ModelRegistryRepository;
    // The fake models' TypeScript logit is -3: an ONNX answer of sigmoid(-3) passes parity.
    session = new FakeOnnxSession(1 / (1 + Math.exp(3)));
    const loader = {
      load: (m: ModelVersionEntity) => Promise.resolve(fakeModel(m.name, { session }).model),
    } as unknown as ModelLoaderService;
    active = new ActiveModelsService();
    await active.replace({ champion: fakeModel('champ').model, championProblem: null });
    const clock = { now: () => new Date('2026-01-01T00:00:00Z') } as ClockAdapter;
    const config = { PROMOTION_AUC_MARGIN: 0.01 } as InferenceConfig;
    sut = new ModelRegistryService(repository, loader, active, clock, config);
  });

  it('should swap the serving champion and retire the old one when the gates pass', async () => {
    const promoted = await sut.promote('id-good', { to: 'champion', by: 'alice' });

    expect(promoted.state).toBe('champion');
    expect(active.models.champion?.identity.name).toBe('good');
    expect(changes.map((c) => [c.model.name, c.to, c.by])).toEqual([
      ['champ', 'retired', 'alice'],
      ['good', 'champion', 'alice'],
    ]);
  });

  it('should keep the replaced champion loaded as the standby when a new champion is promoted', async () => {
    const before = active.models.champion;

    await sut.promote('id-good', { to: 'champion', by: 'alice' });

    expect(active.models.standby).toBe(before);
    expect(changes[0].note).toBe('replaced by good:v1');
  });

  it('should leave the registry and the serving set unchanged and free the session when the AUC gate fails', async () => {
    await expect(sut.promote('id-weak', { to: 'champion', by: 'alice' })).rejects.toMatchObject({
      code: 'PROMOTION_AUC_GATE_FAILED',
    });

    expect(changes).toEqual([]);
    expect(active.models.champion?.identity.name).toBe('champ');
    expect(session.released).toBe(true);
  });

  it('should refuse the promotion when ONNX and the trainer evaluation disagree', async () => {
    session = new FakeOnnxSession(0.5);

    await expect(sut.promote('id-good', { to: 'challenger', by: 'alice' })).rejects.toMatchObject({
      code: 'PROMOTION_PARITY_FAILED',
    });
    expect(active.models.challenger).toBeNull();
  });

  it('should refuse with a conflict when retiring the champion', async () => {
    await expect(sut.promote('id-champ', { to: 'retired', by: 'alice' })).rejects.toMatchObject({
      code: 'PROMOTION_CONFLICT',
      kind: 'CONFLICT',
    });
  });

  it('should answer not found when the id is unknown', async () => {
    await expect(sut.promote('nope', { to: 'champion', by: 'alice' })).rejects.toMatchObject({
      code: 'MODEL_NOT_FOUND',
    });
  });
});
