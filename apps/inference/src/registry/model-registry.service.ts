import { Inject, Injectable, Logger } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';

import { ClockAdapter } from '../common/clock.adapter';
import type { InferenceConfig } from '../config/inference.config';
import { ActiveModelsService, type ModelSet } from '../scoring/active-models.service';
import type { LoadedModel } from '../scoring/loaded-model';
import { ModelLoaderService } from '../scoring/model-loader.service';
import type { ModelPromotionEntity } from './model-promotion.entity';
import { ModelRegistryException } from './model-registry.exception';
import { ModelRegistryRepository, REPLACED_NOTE } from './model-registry.repository';
import type { PromotionTarget } from './model-state';
import { type ModelVersionEntity, versionLabel } from './model-version.entity';
import { checkLiveParity } from './parity.gate';
import { assertAucNotWorse, assertParity } from './promotion.gates';

export interface PromotionRequest {
  to: PromotionTarget;
  by: string;
}

/**
 * Promotion with gates and hot swap: the new model is loaded and checked first, the registry
 * is changed in one transaction, then the serving set is swapped between messages.
 */
@Injectable()
export class ModelRegistryService {
  private readonly logger = new Logger(ModelRegistryService.name);

  constructor(
    private readonly repository: ModelRegistryRepository,
    private readonly loader: ModelLoaderService,
    private readonly active: ActiveModelsService,
    private readonly clock: ClockAdapter,
    @Inject(APP_CONFIG) private readonly config: InferenceConfig,
  ) {}

  list(): Promise<ModelVersionEntity[]> {
    return this.repository.list();
  }

  async get(id: string): Promise<{ model: ModelVersionEntity; promotions: ModelPromotionEntity[] }> {
    const model = await this.repository.findById(id);
    if (!model) {
      throw new ModelRegistryException('MODEL_NOT_FOUND', `no model version ${id}`);
    }
    return { model, promotions: await this.repository.promotions(id) };
  }

  promote(id: string, request: PromotionRequest): Promise<ModelVersionEntity> {
    return this.active.exclusive(async () => {
      const { model } = await this.get(id);
      if (model.state === request.to) {
        throw new ModelRegistryException('PROMOTION_CONFLICT', `${versionLabel(model)} is already ${request.to}`);
      }
      if (request.to === 'retired') {
        return this.retire(model, request.by);
      }
      return this.promoteToServing(model, request.to, request.by);
    });
  }

  private async retire(model: ModelVersionEntity, by: string): Promise<ModelVersionEntity> {
    if (model.state === 'champion') {
      throw new ModelRegistryException(
        'PROMOTION_CONFLICT',
        `${versionLabel(model)} is the champion; promote another model to champion first`,
      );
    }
    await this.repository.locked((m) =>
      this.repository.changeState(m, { model, to: 'retired', by, note: 'retired', at: this.clock.now() }),
    );
    if (this.active.models.challenger?.identity.id === model.id) {
      await this.active.replace({ challenger: null });
    }
    return (await this.get(model.id)).model;
  }

  private async promoteToServing(
    model: ModelVersionEntity,
    to: 'champion' | 'challenger',
    by: string,
  ): Promise<ModelVersionEntity> {
    const loaded = await this.loader.load(model);
    try {
      assertParity(model, await checkLiveParity(loaded));
      await this.repository.locked(async (m) => {
        const previous = await this.repository.findInState(to, m);
        if (to === 'champion') {
          assertAucNotWorse(model, previous, this.config.PROMOTION_AUC_MARGIN);
        }
        const at = this.clock.now();
        if (previous) {
          const note = `${REPLACED_NOTE}${versionLabel(model)}`;
          await this.repository.changeState(m, { model: previous, to: 'retired', by, note, at });
        }
        await this.repository.changeState(m, { model, to, by, note: `promoted to ${to}`, at });
      });
    } catch (e) {
      await loaded.retire();
      throw e;
    }
    await this.active.replace(this.swapFor(model, to, loaded));
    this.logger.log({ msg: 'model promoted', model: versionLabel(model), to, by });
    return (await this.get(model.id)).model;
  }

  private swapFor(model: ModelVersionEntity, to: 'champion' | 'challenger', loaded: LoadedModel): Partial<ModelSet> {
    if (to === 'challenger') {
      return { challenger: loaded };
    }
    const { champion: previous, challenger } = this.active.models;
    const wasChallenger = challenger?.identity.id === model.id;
    // The replaced champion stays loaded as the hot standby (a champion that never loaded cannot).
    return {
      champion: loaded,
      championProblem: null,
      standby: previous ?? this.active.models.standby,
      ...(wasChallenger ? { challenger: null } : {}),
    };
  }
}
