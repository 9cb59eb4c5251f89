import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';
import { GracefulShutdownService } from '@loanmesh/observability';

import type { InferenceConfig } from '../config/inference.config';
import { ModelRegistryRepository } from '../registry/model-registry.repository';
import type { ModelVersionEntity } from '../registry/model-version.entity';
import { ActiveModelsService, type ModelSet } from './active-models.service';
import type { LoadedModel } from './loaded-model';
import { ModelLoaderService } from './model-loader.service';

/**
 * Keeps the serving set equal to the registry: at start-up, and periodically, so a promotion
 * made through another replica reaches this one, and a champion that failed to load is retried.
 * The standby (the champion before the current one) is loaded beside it.
 */
@Injectable()
export class ModelSyncService implements OnApplicationShutdown {
  private readonly logger = new Logger(ModelSyncService.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly repository: ModelRegistryRepository,
    private readonly loader: ModelLoaderService,
    private readonly active: ActiveModelsService,
    @Inject(APP_CONFIG) private readonly config: InferenceConfig,
    shutdown: GracefulShutdownService,
  ) {
    shutdown.register('stop-work', 'model sync', () => this.stopSync());
  }

  start(): void {
    this.timer ??= setInterval(() => {
      this.reconcile().catch((e: unknown) => this.logger.warn({ msg: 'model sync failed', error: String(e) }));
    }, this.config.MODEL_SYNC_INTERVAL_MS);
  }

  /** No more registry polls; a reconcile in flight finishes under the models' lock. */
  stopSync(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    return this.active.exclusive(() => Promise.resolve());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stopSync();
    await this.active.exclusive(() =>
      this.active.replace({ champion: null, standby: null, challenger: null, fallback: null }),
    );
  }

  reconcile(): Promise<void> {
    return this.active.exclusive(async () => {
      const [champion, standby, challenger, fallback] = await Promise.all([
        this.repository.findInState('champion'),
        this.repository.findStandby(),
        this.repository.findInState('challenger'),
        this.repository.findLatestByName(this.config.FALLBACK_MODEL),
      ]);
      const current = this.active.models;
      const change: Partial<ModelSet> = {};
      // A switch made on another replica: the models this one holds are reused, not reloaded.
      const held = (id: string | undefined) =>
        [current.champion, current.standby].find((m) => m && m.identity.id === id);
      if (champion?.id !== current.champion?.identity.id) {
        const reused = held(champion?.id);
        const loaded = reused ? { model: reused, problem: null } : await this.tryLoad(champion);
        change.champion = loaded.model;
        change.championProblem = loaded.problem;
      }
      if (standby?.id !== current.standby?.identity.id) {
        change.standby = held(standby?.id) ?? (await this.tryLoad(standby)).model;
      }
      if (challenger?.id !== current.challenger?.identity.id) {
        change.challenger = (await this.tryLoad(challenger)).model;
      }
      if (fallback?.id !== current.fallback?.identity.id) {
        change.fallback = (await this.tryLoad(fallback)).model;
      }
      // Always replace, even with no change: the first call marks the serving set as loaded.
      await this.active.replace(change);
    });
  }

  private async tryLoad(
    version: ModelVersionEntity | null,
  ): Promise<{ model: LoadedModel | null; problem: string | null }> {
    if (!version) {
      return { model: null, problem: 'no model registered in this role' };
    }
    try {
      return { model: await this.loader.load(version), problem: null };
    } catch (e) {
      const problem = e instanceof Error ? e.message : String(e);
      this.logger.error({ msg: 'model failed to load', model: version.name, error: problem });
      return { model: null, problem };
    }
  }
}
