import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';

import { type DomainEvent, domainEventRegistry, Headers, Topics } from '@loanmesh/contracts';
import { InboundBatchService, type KafkaBatchContext } from '@loanmesh/kafka';

import { LOAN_OUTCOME_TYPES, LoanOutcomeService } from './loan-outcome.service';

/**
 * Thin Kafka transport for core banking's normalized loan events. Most domain events
 * (companies, people, transactions) are the graph's business: they are passed over by
 * their type header without being parsed; the loan events are validated by the shared
 * edge and applied by the outcome service in offset order.
 */
@Controller()
export class LoanOutcomeConsumer {
  constructor(
    private readonly inbound: InboundBatchService,
    private readonly outcomes: LoanOutcomeService,
  ) {}

  @EventPattern(Topics.domainEvents)
  async onDomainEvents(@Ctx() ctx: KafkaBatchContext): Promise<void> {
    const relevant = ctx.records.filter((r) => {
      const type = headerText(r.getMessage().headers?.[Headers.eventType]);
      return type === undefined || LOAN_OUTCOME_TYPES.has(type);
    });
    await this.inbound.process<DomainEvent>(relevant, domainEventRegistry, (items) => this.outcomes.applyBatch(items));
  }
}

function headerText(value: unknown): string | undefined {
  if (Buffer.isBuffer(value)) {
    return value.toString();
  }
  return typeof value === 'string' ? value : undefined;
}
