import { Controller, Get, Param } from '@nestjs/common';

import { ModelRegistryService } from './model-registry.service';
import { modelDetail, modelSummary } from './model-version.view';
import { modelIdSchema } from './promote-model.dto';
import { parseRequest } from './parse-request';

/** Read-only: promotions go through maker/checker requests (`/promotion-requests`). */
@Controller('models')
export class ModelRegistryController {
  constructor(private readonly registry: ModelRegistryService) {}

  @Get()
  async list(): Promise<Record<string, unknown>[]> {
    return (await this.registry.list()).map(modelSummary);
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<Record<string, unknown>> {
    const { model, promotions } = await this.registry.get(parseRequest(modelIdSchema, id, 'model id'));
    return modelDetail(model, promotions);
  }
}
