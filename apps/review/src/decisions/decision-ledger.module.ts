import { Module } from '@nestjs/common';

import { OutboxModule } from '@loanmesh/database';

import { DecisionLedgerService } from './decision-ledger.service';
import { DecisionPublisherService } from './decision-publisher.service';

/** The hash-chained ledger and the decision announcements, shared by automatic and human decisions. */
@Module({
  imports: [OutboxModule.forRoot({ lockName: 'review-outbox', idlePollMs: 100 })],
  providers: [DecisionLedgerService, DecisionPublisherService],
  exports: [DecisionLedgerService, DecisionPublisherService],
})
export class DecisionLedgerModule {}
