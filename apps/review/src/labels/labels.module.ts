import { Module } from '@nestjs/common';

import { InboxModule } from '@loanmesh/database';

import { CompaniesModule } from '../companies/companies.module';
import { DecisionLedgerModule } from '../decisions/decision-ledger.module';
import { LabelController } from './label.controller';
import { LabelService } from './label.service';
import { LoanOutcomeConsumer } from './loan-outcome.consumer';
import { LoanOutcomeService } from './loan-outcome.service';
import { OutcomeLabelPublisher } from './outcome-label.publisher';

@Module({
  imports: [InboxModule, DecisionLedgerModule, CompaniesModule],
  controllers: [LabelController, LoanOutcomeConsumer],
  providers: [LabelService, LoanOutcomeService, OutcomeLabelPublisher],
  exports: [LabelService],
})
export class LabelsModule {}
