import { Body, Controller, HttpCode, Post } from '@nestjs/common';

import { ServiceCaller, ServiceCallers, type ServiceCredentialClaims } from '@loanmesh/service-auth';

import { ModelRegistryException } from './model-registry.exception';
import { ModelRollbackService } from './model-rollback.service';
import { modelSummary } from './model-version.view';
import { rollbackSchema } from './promote-model.dto';
import { parseRequest } from './parse-request';

/** `POST /models/rollback`: the operator CLI (`npm run models -- rollback`) or review, for a named person. */
@Controller('models')
export class ModelRollbackController {
  constructor(private readonly rollbacks: ModelRollbackService) {}

  @Post('rollback')
  @HttpCode(200)
  @ServiceCallers('operator', 'review')
  async rollback(
    @Body() body: unknown,
    @ServiceCaller() caller: ServiceCredentialClaims,
  ): Promise<{ champion: Record<string, unknown> }> {
    if (caller.sub === caller.iss) {
      throw new ModelRegistryException('PROMOTION_NEEDS_PERSON', 'a rollback is made by a named person');
    }
    const { reason } = parseRequest(rollbackSchema, body ?? {}, 'rollback');
    return { champion: modelSummary(await this.rollbacks.rollback(caller.sub, reason)) };
  }
}
