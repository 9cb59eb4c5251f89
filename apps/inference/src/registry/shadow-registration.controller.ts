import { Body, Controller, HttpCode, Post } from '@nestjs/common';

import { ServiceCaller, ServiceCallers, type ServiceCredentialClaims } from '@loanmesh/service-auth';
import { ZodBody, ZodResponse } from '@loanmesh/observability';

import { ModelRegistryException } from './model-registry.exception';
import { modelSummary } from './model-version.view';
import { type ModelSummary, modelSummarySchema } from './model-version.schemas';
import { shadowRegistrationSchema } from './promote-model.dto';
import { parseRequest } from './parse-request';
import { ShadowRegistrationService } from './shadow-registration.service';

/** `POST /models/shadow`: `npm run retrain` registers the challenger it built, in the name of a person. */
@Controller('models')
export class ShadowRegistrationController {
  constructor(private readonly shadow: ShadowRegistrationService) {}

  @Post('shadow')
  @HttpCode(200)
  @ServiceCallers('operator')
  @ZodBody(shadowRegistrationSchema)
  @ZodResponse(200, modelSummarySchema, 'the retrained model, now challenger (shadow)')
  async register(@Body() body: unknown, @ServiceCaller() caller: ServiceCredentialClaims): Promise<ModelSummary> {
    if (caller.sub === caller.iss) {
      throw new ModelRegistryException('PROMOTION_NEEDS_PERSON', 'a retrained model is registered by a named person');
    }
    const { name } = parseRequest(shadowRegistrationSchema, body ?? {}, 'shadow registration');
    return modelSummary(await this.shadow.registerInShadow(name, caller.sub));
  }
}
