import { Module } from '@nestjs/common';

import { ApplicationAccountingController } from './application-accounting.controller';
import { ApplicationAccountingService } from './application-accounting.service';
import { DecisionAccountingRepository } from './decision-accounting.repository';
import { IngestionClient } from './ingestion.client';

@Module({
  controllers: [ApplicationAccountingController],
  providers: [ApplicationAccountingService, DecisionAccountingRepository, IngestionClient],
})
export class AccountingModule {}
