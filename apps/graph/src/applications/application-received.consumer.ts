import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';

import { applicationReceivedRegistry, Topics, type ApplicationReceivedEvent } from '@loanmesh/contracts';
import { InboundProcessorService } from '@loanmesh/kafka';

import { FeatureServingService } from './feature-serving.service';

/** Thin transport: validate with the shared inbound processor, delegate to one service method. */
@Controller()
export class ApplicationReceivedConsumer {
  constructor(
    private readonly inbound: InboundProcessorService,
    private readonly serving: FeatureServingService,
  ) {}

  @EventPattern(Topics.applicationReceived)
  async onApplicationReceived(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.inbound.process<ApplicationReceivedEvent>(ctx, applicationReceivedRegistry, (e) =>
      this.serving.serve(e),
    );
  }
}
