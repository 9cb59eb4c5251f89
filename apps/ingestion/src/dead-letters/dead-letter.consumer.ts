import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';

import { DeadLetterTopics } from '@loanmesh/contracts';

import type { KafkaBatchContext } from '@loanmesh/kafka';
import { toDeadLetterRecord } from './dead-letter-record.mapper';
import { DeadLetterLedgerService } from './dead-letter-ledger.service';

/** Copies this service's dead letters (code and reason only) into the operator table. */
@Controller()
export class DeadLetterConsumer {
  constructor(private readonly deadLetters: DeadLetterLedgerService) {}

  @EventPattern(DeadLetterTopics.ingestion)
  async onRecords(@Ctx() ctx: KafkaBatchContext): Promise<void> {
    await this.deadLetters.record(ctx.records.map((r) => toDeadLetterRecord(r.getMessage())));
  }
}
