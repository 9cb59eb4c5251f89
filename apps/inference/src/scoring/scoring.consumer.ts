import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';

import { type GraphFeaturesComputedEvent, graphFeaturesComputedRegistry, Topics } from '@loanmesh/contracts';
import { InboundBatchService, type KafkaBatchContext } from '@loanmesh/kafka';

import { ScoringService } from './scoring.service';

/** Thin transport: a batch of records, each validated by the shared inbound edge and scored by the service. */
@Controller()
export class ScoringConsumer {
  constructor(
    private readonly inbound: InboundBatchService,
    private readonly scoring: ScoringService,
  ) {}

  @EventPattern(Topics.graphFeaturesComputed)
  async onFeaturesComputed(@Ctx() ctx: KafkaBatchContext): Promise<void> {
    await this.inbound.processEach<GraphFeaturesComputedEvent>(ctx.records, graphFeaturesComputedRegistry, (e) =>
      this.scoring.handle(e),
    );
  }
}
