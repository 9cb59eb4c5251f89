import { Module } from '@nestjs/common';

import { InboxModule } from '@loanmesh/database';

import { GraphModule } from '../graph/graph.module';
import { ReplayModule } from '../replay/replay.module';
import { WatchlistConsumer } from './watchlist.consumer';
import { WatchlistController } from './watchlist.controller';
import { WatchlistRescorer } from './watchlist.rescorer';
import { WatchlistService } from './watchlist.service';

@Module({
  imports: [InboxModule, GraphModule, ReplayModule],
  controllers: [WatchlistController, WatchlistConsumer],
  providers: [WatchlistService, WatchlistRescorer],
})
export class WatchlistModule {}
