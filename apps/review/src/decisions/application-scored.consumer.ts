import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';

import { type ApplicationScoredEvent, applicationScoredRegistry, Topics } from '@loanmesh/contracts';
import { InboundBatchService, type KafkaBatchContext } from '@loanmesh/kafka';

import { AutomaticDecisionService } from './automatic-decision.service';

/**
 * Thin Kafka transport: a batch of records, validated and dead-lettered by the shared edge,
 * decided together (the service group-commits concurrent decisions).
 */
@Controller()
export class ApplicationScoredConsumer {
  constructor(
    private readonly inbound: InboundBatchService,
    private readonly decisions: AutomaticDecisionService,
  ) {}

  @EventPattern(Topics.applicationScored)
  async handle(@Ctx() ctx: KafkaBatchContext): Promise<void> {
    await this.inbound.processEach<ApplicationScoredEvent>(ctx.records, applicationScoredRegistry, (event) =>
      this.decisions.decide(event),
    );
  }
}
