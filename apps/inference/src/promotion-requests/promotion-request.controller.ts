import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';

import { ZodBody, ZodQuery } from '@loanmesh/observability';
import { ServiceCaller, ServiceCallers, type ServiceCredentialClaims } from '@loanmesh/service-auth';

import { ModelRegistryException } from '../registry/model-registry.exception';
import { modelSummary } from '../registry/model-version.view';
import { promotionRequestIdSchema, promotionRequestListSchema, promotionRequestSchema } from './promotion-request.dto';
import { type PromotionRequestView, PromotionRequestService } from './promotion-request.service';
import { parseRequest } from '../registry/parse-request';

/**
 * Maker/checker promotion, callable by review only (its risk-manager routes); the person is
 * the credential's subject. There is no direct promote route.
 */
@ServiceCallers('review')
@Controller('promotion-requests')
export class PromotionRequestController {
  constructor(private readonly requests: PromotionRequestService) {}

  @Get()
  @ZodQuery(promotionRequestListSchema)
  async list(@Query() query: Record<string, string>): Promise<{ requests: PromotionRequestView[] }> {
    const { status } = parseRequest(promotionRequestListSchema, query, 'query');
    return { requests: await this.requests.list(status) };
  }

  @Post()
  @HttpCode(201)
  @ZodBody(promotionRequestSchema)
  request(@Body() body: unknown, @ServiceCaller() caller: ServiceCredentialClaims): Promise<PromotionRequestView> {
    return this.requests.request(parseRequest(promotionRequestSchema, body, 'promotion request'), personOf(caller));
  }

  @Post(':id/approve')
  @HttpCode(200)
  async approve(
    @Param('id') id: string,
    @ServiceCaller() caller: ServiceCredentialClaims,
  ): Promise<{ request: PromotionRequestView; model: Record<string, unknown> }> {
    const { request, model } = await this.requests.approve(
      parseRequest(promotionRequestIdSchema, id, 'request id'),
      personOf(caller),
    );
    return { request, model: modelSummary(model) };
  }
}

/** Requests and approvals are acts of people: a credential for review itself may not make them. */
function personOf(caller: ServiceCredentialClaims): string {
  if (caller.sub === caller.iss) {
    throw new ModelRegistryException('PROMOTION_NEEDS_PERSON', 'a promotion is requested and approved by a person');
  }
  return caller.sub;
}
