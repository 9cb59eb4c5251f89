import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';

import { applicationReceivedRegistry, Topics, type ApplicationReceivedEvent } from '@loanmesh/contracts';
import { InboundBatchService, type KafkaBatchContext } from '@loanmesh/kafka';

import { FeatureServingService } from './feature-serving.service';

/**
 * Thin transport: a batch of records, each validated by the shared inbound edge and served
 * concurrently (the worker pool bounds how many run at once).
 */
@Controller()
export class ApplicationReceivedConsumer {
  constructor(
    private readonly inbound: InboundBatchService,
    private readonly serving: FeatureServingService,
  ) {}

  @EventPattern(Topics.applicationReceived)
  async onApplicationReceived(@Ctx() ctx: KafkaBatchContext): Promise<void> {
    await this.inbound.processEach<ApplicationReceivedEvent>(ctx.records, applicationReceivedRegistry, (e) =>
      this.serving.serve(e),
    );
  }
}
