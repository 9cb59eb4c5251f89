import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';

import { egoGraphViewSchema } from '@loanmesh/contracts';
import { ZodQuery, ZodResponse } from '@loanmesh/observability';

import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ROLES } from '../auth/role';
import { PERMISSIONS } from '../auth/permissions';
import { Roles } from '../auth/roles.decorator';
import { parseBody } from '../common/parse-body';
import { GraphProxyService } from './graph-proxy.service';

const candidateQuery = z.object({
  status: z.enum(['PENDING', 'AUTO_LINKED', 'CONFIRMED', 'REJECTED', 'ALL']).default('PENDING'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

@Controller('graph')
export class GraphController {
  constructor(private readonly graph: GraphProxyService) {}

  @Roles(...ROLES)
  @Get('applications/:id/ego-graph')
  @ZodResponse(
    200,
    egoGraphViewSchema,
    'the ego graph from the graph service; names of people masked for roles without clear personal data',
  )
  egoGraph(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<unknown> {
    return this.graph.egoGraph(user, id);
  }

  @Roles(...PERMISSIONS['resolution.read'])
  @Get('entity-resolution/candidates')
  @ZodQuery(candidateQuery)
  candidates(@CurrentUser() user: AuthenticatedUser, @Query() query: unknown): Promise<unknown> {
    return this.graph.candidates(user, parseBody(candidateQuery, query));
  }

  @Roles(...PERMISSIONS['resolution.decide'])
  @Post('entity-resolution/candidates/:id/confirm')
  @HttpCode(200)
  confirm(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<unknown> {
    return this.graph.resolve(user, id, 'confirm');
  }

  @Roles(...PERMISSIONS['resolution.decide'])
  @Post('entity-resolution/candidates/:id/reject')
  @HttpCode(200)
  reject(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<unknown> {
    return this.graph.resolve(user, id, 'reject');
  }
}
