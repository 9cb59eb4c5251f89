import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';

import { DomainException } from '@loanmesh/observability';

import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { Roles } from '../auth/roles.decorator';
import { type ModelCatalog, ModelCatalogService } from './model-catalog.service';
import { ModelPromotionService, promotionRequestBody } from './model-promotion.service';

@Controller('models')
export class ModelController {
  constructor(
    private readonly catalog: ModelCatalogService,
    private readonly promotions: ModelPromotionService,
  ) {}

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
