import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';

import { type ApplicationScoredEvent, applicationScoredRegistry, Topics } from '@loanmesh/contracts';
import { InboundProcessorService } from '@loanmesh/kafka';

import { AutomaticDecisionService } from './automatic-decision.service';

/** Thin Kafka transport: validation and dead letters in the shared processor, the decision in the service. */
@Controller()
export class ApplicationScoredConsumer {
  constructor(
    private readonly inbound: InboundProcessorService,
    private readonly decisions: AutomaticDecisionService,
  ) {}

  @EventPattern(Topics.applicationScored)
  async handle(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.inbound.process<ApplicationScoredEvent>(ctx, applicationScoredRegistry, (event) =>
      this.decisions.decide(event),
    );
  }
}
