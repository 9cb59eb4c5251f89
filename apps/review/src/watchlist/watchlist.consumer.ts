import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';

import { Topics } from '@loanmesh/contracts';
import { earlyWarningRegistry, type EarlyWarningEvent } from '@loanmesh/contracts/graph/early-warning.schema';
import { InboundBatchService, type KafkaBatchContext } from '@loanmesh/kafka';

import { WatchlistService } from './watchlist.service';

/** Thin Kafka transport: graph's early-warning alerts, validated by the shared edge, into the watchlist. */
@Controller()
export class WatchlistConsumer {
  constructor(
    private readonly inbound: InboundBatchService,
    private readonly watchlist: WatchlistService,
  ) {}

  @EventPattern(Topics.earlyWarning)
  async handle(@Ctx() ctx: KafkaBatchContext): Promise<void> {
    await this.inbound.process<EarlyWarningEvent>(ctx.records, earlyWarningRegistry, (items) =>
      this.watchlist.record(items),
    );
  }
}
