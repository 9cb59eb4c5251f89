import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { UserEntity } from '../auth/user.entity';
import { CompaniesModule } from '../companies/companies.module';
import { DecisionLedgerModule } from '../decisions/decision-ledger.module';
import { GraphModule } from '../graph/graph.module';
import { LabelsModule } from '../labels/labels.module';
import { CaseDecisionService } from './case-decision.service';
import { CaseOpenerService } from './case-opener.service';
import { CaseQueryService } from './case-query.service';
import { CaseTransactionService } from './case-transaction.service';
import { CaseWorkflowService } from './case-workflow.service';
import { CaseController } from './case.controller';
import { CreditMemoService } from './memo/credit-memo.service';
import { QueueEventsService } from './queue-events.service';
import { SlaSweeperService } from './sla-sweeper.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity]), DecisionLedgerModule, LabelsModule, CompaniesModule, GraphModule],
  controllers: [CaseController],
  providers: [
    CaseOpenerService,
    CaseQueryService,
    CaseTransactionService,
    CaseWorkflowService,
    CaseDecisionService,
    SlaSweeperService,
    QueueEventsService,
    CreditMemoService,
  ],
  exports: [CaseOpenerService, SlaSweeperService, CaseTransactionService],
})
export class CasesModule {}
