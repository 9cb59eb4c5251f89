import { Inject, Injectable, Logger } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';

import type { InferenceConfig } from '../config/inference.config';
import { ModelCatalogService } from './model-catalog.service';
import { ModelFilesAdapter, type ModelFiles } from './model-files.adapter';
import { ModelRegistryException } from './model-registry.exception';
import { ModelRegistryService } from './model-registry.service';
import { type ModelVersionEntity, versionLabel } from './model-version.entity';

/**
 * A retrained model into shadow: registered from RETRAIN_MODEL_DIR (by hash, as at start-up),
 * then made challenger through the registry's own promotion (live parity, hot swap), so it
 * scores beside the champion without deciding anything. Champion needs maker and checker.
 */
@Injectable()
export class ShadowRegistrationService {
  private readonly logger = new Logger(ShadowRegistrationService.name);

  constructor(
    private readonly files: ModelFilesAdapter,
    private readonly catalog: ModelCatalogService,
    private readonly registry: ModelRegistryService,
    @Inject(APP_CONFIG) private readonly config: InferenceConfig,
  ) {}

  async registerInShadow(name: string, by: string): Promise<ModelVersionEntity> {
    const model = await this.catalog.register(await this.read(name));
    if (model.state === 'challenger') {
      return model;
    }
    if (model.state !== 'candidate') {
      throw new ModelRegistryException(
        'PROMOTION_CONFLICT',
        `${versionLabel(model)} is ${model.state}; only a new candidate goes into shadow`,
      );
    }
    const shadow = await this.registry.promote(model.id, { to: 'challenger', by });
    this.logger.log({ msg: 'retrained model in shadow', model: versionLabel(shadow), by });
    return shadow;
  }

  private async read(name: string): Promise<ModelFiles> {
    try {
      return await this.files.read(this.config.RETRAIN_MODEL_DIR, name);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new ModelRegistryException('MODEL_NOT_FOUND', `no retrained model ${name} in the retrain directory`);
      }
      throw e;
    }
  }
}
