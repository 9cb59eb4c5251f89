import { Module } from '@nestjs/common';

import { ApplicationAccountingController } from './application-accounting.controller';
import { ApplicationAccountingRepository } from './application-accounting.repository';
import { ApplicationAccountingService } from './application-accounting.service';

/** Read-only accounting of applications (review's `GET /applications/accounting` asks it). */
@Module({
  controllers: [ApplicationAccountingController],
  providers: [ApplicationAccountingService, ApplicationAccountingRepository],
})
export class AccountingModule {}
