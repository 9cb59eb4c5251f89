import { Controller, Get, Param } from '@nestjs/common';
import type { z } from 'zod';

import { ModelRegistryException } from './model-registry.exception';
import { ModelRegistryService } from './model-registry.service';
import { modelDetail, modelSummary } from './model-version.view';
import { modelIdSchema } from './promote-model.dto';

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
    const { model, promotions } = await this.registry.get(parse(modelIdSchema, id, 'model id'));
    return modelDetail(model, promotions);
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ModelRegistryException(
      'REQUEST_INVALID',
      `${what} is invalid: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown'}`,
    );
  }
  return result.data;
}
