import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';

import { type OutcomeLabelledEvent, outcomeLabelledRegistry, Topics } from '@loanmesh/contracts';
import { InboundBatchService, type KafkaBatchContext } from '@loanmesh/kafka';

import { OutcomeLabelService } from './outcome-label.service';

/** Thin transport: review's outcome labels, validated by the shared inbound edge (bad records dead-lettered). */
@Controller()
export class OutcomeLabelConsumer {
  constructor(
    private readonly inbound: InboundBatchService,
    private readonly labels: OutcomeLabelService,
  ) {}

  @EventPattern(Topics.outcomeLabelled)
  async onOutcomeLabelled(@Ctx() ctx: KafkaBatchContext): Promise<void> {
    await this.inbound.process<OutcomeLabelledEvent>(ctx.records, outcomeLabelledRegistry, (items) =>
      this.labels.applyBatch(items),
    );
  }
}
