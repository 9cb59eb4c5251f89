import type { GracefulShutdownService } from '@loanmesh/observability';

import type { InferenceConfig } from '../config/inference.config';
import type { ModelRegistryRepository } from '../registry/model-registry.repository';
import type { ModelVersionEntity } from '../registry/model-version.entity';
import { fakeModel } from '../testing/fake-models';
import { ActiveModelsService } from './active-models.service';
import type { ModelLoaderService } from './model-loader.service';
import { ModelSyncService } from './model-sync.service';

describe(ModelSyncService.name, () => {
  const v1 = fakeModel('v1');
  const v2 = fakeModel('v2');
  const versionOf = (m: typeof v1): ModelVersionEntity =>
    ({ id: m.model.identity.id, name: m.model.identity.name }) as ModelVersionEntity;
  let registry: { champion: ModelVersionEntity | null; standby: ModelVersionEntity | null };
  let loads: string[];
  let active: ActiveModelsService;
  let sut: ModelSyncService;

  beforeEach(() => {
    registry = { champion: versionOf(v2), standby: versionOf(v1) };
    loads = [];
    const repository = {
      findInState: (state: string) => Promise.resolve(state === 'champion' ? registry.champion : null),
      findStandby: () => Promise.resolve(registry.standby),
      findLatestByName: () => Promise.resolve(null),
    } as unknown as ModelRegistryRepository;
    const loader = {
      load: (v: ModelVersionEntity) => {
        loads.push(v.name);
        return Promise.resolve(v.name === 'v1' ? v1.model : v2.model);
      },
    } as unknown as ModelLoaderService;
    active = new ActiveModelsService();
    const config = { FALLBACK_MODEL: 'tab', MODEL_SYNC_INTERVAL_MS: 1000 } as InferenceConfig;
    sut = new ModelSyncService(repository, loader, active, config, {
      register: jest.fn(),
    } as unknown as GracefulShutdownService);
  });

  it('should load the standby beside the champion when the registry has a previous champion', async () => {
    await sut.reconcile();

    expect(active.models.champion).toBe(v2.model);
    expect(active.models.standby).toBe(v1.model);
  });

  it('should swap champion and standby without reloading when another replica rolled back', async () => {
    await sut.reconcile();
    registry = { champion: versionOf(v1), standby: null };
    loads = [];

    await sut.reconcile();

    expect(active.models.champion).toBe(v1.model);
    expect(active.models.standby).toBeNull();
    expect(loads).toEqual([]);
  });
});
