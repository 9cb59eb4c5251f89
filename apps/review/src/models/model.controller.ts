import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';

import { DomainException, ZodBody } from '@loanmesh/observability';

import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { Roles } from '../auth/roles.decorator';
import { type ModelCatalog, ModelCatalogService } from './model-catalog.service';
import { ModelMonitoringService } from './model-monitoring.service';
import { ModelPromotionService, promotionRequestBody } from './model-promotion.service';

const driftQuery = z.object({
  granularity: z.enum(['day', 'month']).default('day'),
  periods: z.coerce.number().int().min(1).max(92).default(30),
});

@Controller('models')
export class ModelController {
  constructor(
    private readonly catalog: ModelCatalogService,
    private readonly promotions: ModelPromotionService,
    private readonly monitoring: ModelMonitoringService,
  ) {}

  /** Champion versus challenger on matured outcomes (inference's `GET /models/comparison`). */
  @Roles(...PERMISSIONS['models.read'])
  @Get('comparison')
  comparison(@CurrentUser() user: AuthenticatedUser): Promise<unknown> {
    return this.monitoring.comparison(user);
  }

  /** Score and feature drift per model (inference's `GET /models/drift`); `granularity` day or month. */
  @Roles(...PERMISSIONS['models.read'])
  @Get('drift')
  drift(
    @CurrentUser() user: AuthenticatedUser,
    @Query('granularity') granularity?: string,
    @Query('periods') periods?: string,
  ): Promise<unknown> {
    const parsed = driftQuery.safeParse({ granularity, periods });
    if (!parsed.success) {
      throw new DomainException('DRIFT_QUERY_INVALID', 'INVALID', 'granularity is day or month; periods 1 to 92');
    }
    return this.monitoring.drift(user, parsed.data.granularity, parsed.data.periods);
  }

  @Roles(...PERMISSIONS['models.read'])
  @Get()
  list(): Promise<ModelCatalog> {
    return this.catalog.list();
  }

  /** Promotion requests (`status`: pending, approved, all). */
  @Roles(...PERMISSIONS['models.read'])
  @Get('promotion-requests')
  requests(@CurrentUser() user: AuthenticatedUser, @Query('status') status?: string): Promise<unknown> {
    return this.promotions.list(user, status ?? 'pending');
  }

  /** The maker: one risk manager asks to move a model version. */
  @Roles(...PERMISSIONS['models.promote'])
  @Post(':id/promotion-requests')
  @HttpCode(201)
  @ZodBody(promotionRequestBody)
  request(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: unknown): Promise<unknown> {
    const parsed = promotionRequestBody.safeParse(body);
    if (!parsed.success) {
      throw new DomainException('PROMOTION_REQUEST_INVALID', 'INVALID', 'a promotion request needs {"to", "reason"}');
    }
    return this.promotions.request(user, id, parsed.data);
  }

  /** The checker: another risk manager approves; the maker gets 403 (PROMOTION_SAME_USER). */
  @Roles(...PERMISSIONS['models.promote'])
  @Post('promotion-requests/:requestId/approve')
  @HttpCode(200)
  approve(@CurrentUser() user: AuthenticatedUser, @Param('requestId') requestId: string): Promise<unknown> {
    return this.promotions.approve(user, requestId);
  }
}
