import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { z } from 'zod';

import { ZodQuery, ZodResponse } from '@loanmesh/observability';

import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { Roles } from '../auth/roles.decorator';
import { parseBody } from '../common/parse-body';
import type { WatchlistEntryEntity } from './watchlist-entry.entity';
import {
  watchlistEntryResponse,
  type WatchlistEntryView,
  watchlistPageResponse,
  watchlistQuery,
} from './watchlist.schemas';
import { WatchlistService } from './watchlist.service';

@Controller('watchlist')
export class WatchlistController {
  constructor(private readonly watchlist: WatchlistService) {}

  @Roles(...PERMISSIONS['watchlist.read'])
  @Get()
  @ZodQuery(watchlistQuery)
  @ZodResponse(200, watchlistPageResponse, 'live loans whose network worsened, newest first')
  async list(@Query() query: unknown): Promise<z.infer<typeof watchlistPageResponse>> {
    const { status, page, pageSize } = parseBody(watchlistQuery, query);
    const { items, total } = await this.watchlist.list(status, page, pageSize);
    return { items: items.map(viewOf), total, page, pageSize };
  }

  @Roles(...PERMISSIONS['watchlist.acknowledge'])
  @Post(':id/acknowledge')
  @HttpCode(200)
  @ZodResponse(200, watchlistEntryResponse, 'the entry, acknowledged by the caller')
  async acknowledge(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<WatchlistEntryView> {
    return viewOf(await this.watchlist.acknowledge(user, id));
  }
}

function viewOf(e: WatchlistEntryEntity): WatchlistEntryView {
  return {
    ...e,
    id: Number(e.id),
    rescoredAt: e.rescoredAt?.toISOString() ?? null,
    acknowledgedAt: e.acknowledgedAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
  };
}
