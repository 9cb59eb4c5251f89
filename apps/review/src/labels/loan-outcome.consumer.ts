import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';

import { type DomainEvent, domainEventRegistry, Headers, Topics } from '@loanmesh/contracts';
import { type InboundItem, InboundBatchService, type ItemOutcome, type KafkaBatchContext } from '@loanmesh/kafka';

import { COMPANY_NAME_TYPES, CompanyNameService } from '../companies/company-name.service';
import { LoanOutcomeService } from './loan-outcome.service';
import { REVIEW_DOMAIN_EVENT_TYPES } from './review-domain-event-types';

/**
 * Thin Kafka transport for core banking's normalized events review needs: loan events (outcome
 * labels) and company events (names for the queue). The rest (people, transactions) are the
 * graph's business: passed over by their type header without being parsed. The kept events are
 * validated by the shared edge; company names go to their service, the rest to the outcome
 * service in offset order.
 */
@Controller()
export class LoanOutcomeConsumer {
  constructor(
    private readonly inbound: InboundBatchService,
    private readonly outcomes: LoanOutcomeService,
    private readonly companies: CompanyNameService,
  ) {}

  @EventPattern(Topics.domainEvents)
  async onDomainEvents(@Ctx() ctx: KafkaBatchContext): Promise<void> {
    const relevant = ctx.records.filter((r) => {
      const type = headerText(r.getMessage().headers?.[Headers.eventType]);
      return type === undefined || REVIEW_DOMAIN_EVENT_TYPES.has(type);
    });
    await this.inbound.process<DomainEvent>(relevant, domainEventRegistry, (items) => this.route(items));
  }

  /** Each item to its service; the outcomes come back in the items' order. */
  private async route(items: InboundItem<DomainEvent>[]): Promise<ItemOutcome[]> {
    const isName = (i: InboundItem<DomainEvent>): boolean => COMPANY_NAME_TYPES.has(i.event.type);
    const names = await this.companies.applyBatch(items.filter(isName));
    const loans = await this.outcomes.applyBatch(items.filter((i) => !isName(i)));
    return items.map((i) => (isName(i) ? names.shift() : loans.shift()) ?? 'skipped');
  }
}

function headerText(value: unknown): string | undefined {
  if (Buffer.isBuffer(value)) {
    return value.toString();
  }
  return typeof value === 'string' ? value : undefined;
}
