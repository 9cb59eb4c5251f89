import { Module } from '@nestjs/common';

import { OutboxModule } from '@loanmesh/database';

import { DecisionLedgerService } from './decision-ledger.service';
import { DecisionPublisherService } from './decision-publisher.service';

/** Review's one outbox and relay: decisions and audit checkpoints go out through it. */
const reviewOutbox = OutboxModule.forRoot({ lockName: 'review-outbox', idlePollMs: 100 });

/** The hash-chained ledger and the decision announcements, shared by automatic and human decisions. */
@Module({
  imports: [reviewOutbox],
  providers: [DecisionLedgerService, DecisionPublisherService],
  exports: [DecisionLedgerService, DecisionPublisherService, reviewOutbox],
})
export class DecisionLedgerModule {}
