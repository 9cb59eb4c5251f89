import { Module } from '@nestjs/common';

import { InboxModule } from '@loanmesh/database';

import { CasesModule } from '../cases/cases.module';
import { PolicyModule } from '../policy/policy.module';
import { ApplicationIncompleteConsumer } from './application-incomplete.consumer';
import { ApplicationScoredConsumer } from './application-scored.consumer';
import { AutomaticDecisionService } from './automatic-decision.service';
import { DecisionLedgerModule } from './decision-ledger.module';

@Module({
  imports: [InboxModule, PolicyModule, CasesModule, DecisionLedgerModule],
  controllers: [ApplicationScoredConsumer, ApplicationIncompleteConsumer],
  providers: [AutomaticDecisionService],
  exports: [AutomaticDecisionService],
})
export class DecisionsModule {}
