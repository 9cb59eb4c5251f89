import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';

import { type ApplicationIncompleteEvent, applicationIncompleteRegistry, Topics } from '@loanmesh/contracts';
import { InboundBatchService, type KafkaBatchContext } from '@loanmesh/kafka';

import { AutomaticDecisionService } from './automatic-decision.service';

/**
 * Thin Kafka transport: applications ingestion gave up on, validated and dead-lettered by
 * the shared edge, referred to officers through the same commit path as scored ones.
 */
@Controller()
export class ApplicationIncompleteConsumer {
  constructor(
    private readonly inbound: InboundBatchService,
    private readonly decisions: AutomaticDecisionService,
  ) {}

  @EventPattern(Topics.applicationIncomplete)
  async handle(@Ctx() ctx: KafkaBatchContext): Promise<void> {
    await this.inbound.processEach<ApplicationIncompleteEvent>(ctx.records, applicationIncompleteRegistry, (event) =>
      this.decisions.referIncomplete(event),
    );
  }
}
