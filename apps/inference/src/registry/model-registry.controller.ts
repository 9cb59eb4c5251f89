import { Controller, Get, Param } from '@nestjs/common';
import { z } from 'zod';

import { ZodResponse } from '@loanmesh/observability';

import { ModelRegistryService } from './model-registry.service';
import { modelDetail, modelSummary } from './model-version.view';
import { type ModelDetail, modelDetailSchema, type ModelSummary, modelSummarySchema } from './model-version.schemas';
import { modelIdSchema } from './promote-model.dto';
import { parseRequest } from './parse-request';

/** Read-only: promotions go through maker/checker requests (`/promotion-requests`). */
@Controller('models')
export class ModelRegistryController {
  constructor(private readonly registry: ModelRegistryService) {}

  @Get()
  @ZodResponse(200, z.array(modelSummarySchema), 'every registered model version')
  async list(): Promise<ModelSummary[]> {
    return (await this.registry.list()).map(modelSummary);
  }

  @Get(':id')
  @ZodResponse(200, modelDetailSchema)
  async get(@Param('id') id: string): Promise<ModelDetail> {
    const { model, promotions } = await this.registry.get(parseRequest(modelIdSchema, id, 'model id'));
    return modelDetail(model, promotions);
  }
}
