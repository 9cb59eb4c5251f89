import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';

import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ROLES } from '../auth/role';
import { Roles } from '../auth/roles.decorator';
import { GraphProxyService } from './graph-proxy.service';

@Controller('graph')
export class GraphController {
  constructor(private readonly graph: GraphProxyService) {}

  @Roles(...ROLES)
  @Get('applications/:id/ego-graph')
  egoGraph(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<unknown> {
    return this.graph.egoGraph(user, id);
  }

  @Roles('senior_officer', 'risk_manager', 'admin')
  @Get('entity-resolution/candidates')
  candidates(@CurrentUser() user: AuthenticatedUser): Promise<unknown> {
    return this.graph.candidates(user);
  }

  @Roles('senior_officer', 'risk_manager')
  @Post('entity-resolution/candidates/:id/confirm')
  @HttpCode(200)
  confirm(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<unknown> {
    return this.graph.resolve(user, id, 'confirm');
  }

  @Roles('senior_officer', 'risk_manager')
  @Post('entity-resolution/candidates/:id/reject')
  @HttpCode(200)
  reject(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<unknown> {
    return this.graph.resolve(user, id, 'reject');
  }
}
