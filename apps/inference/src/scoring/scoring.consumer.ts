import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';

import { type GraphFeaturesComputedEvent, graphFeaturesComputedRegistry, Topics } from '@loanmesh/contracts';
import { InboundProcessorService } from '@loanmesh/kafka';

import { ScoringService } from './scoring.service';

/** Thin transport: validate with the shared inbound edge, delegate to the scoring service. */
@Controller()
export class ScoringConsumer {
  constructor(
    private readonly inbound: InboundProcessorService,
    private readonly scoring: ScoringService,
  ) {}

  @EventPattern(Topics.graphFeaturesComputed)
  async onFeaturesComputed(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.inbound.process<GraphFeaturesComputedEvent>(ctx, graphFeaturesComputedRegistry, (e) =>
      this.scoring.handle(e),
    );
  }
}
