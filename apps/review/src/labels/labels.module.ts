import { Module } from '@nestjs/common';

import { InboxModule } from '@loanmesh/database';

import { LabelController } from './label.controller';
import { LabelService } from './label.service';
import { LoanOutcomeConsumer } from './loan-outcome.consumer';
import { LoanOutcomeService } from './loan-outcome.service';

@Module({
  imports: [InboxModule],
  controllers: [LabelController, LoanOutcomeConsumer],
  providers: [LabelService, LoanOutcomeService],
  exports: [LabelService],
})
export class LabelsModule {}
