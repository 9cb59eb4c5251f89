import { Module } from '@nestjs/common';

import { DecisionLedgerModule } from '../decisions/decision-ledger.module';
import { AuditBundleService } from './audit-bundle.service';
import { AuditCheckpointReader } from './audit-checkpoint.reader';
import { AuditCheckpointService } from './audit-checkpoint.service';
import { AuditSignerService } from './audit-signer.service';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

@Module({
  imports: [DecisionLedgerModule],
  controllers: [AuditController],
  providers: [AuditService, AuditBundleService, AuditSignerService, AuditCheckpointService, AuditCheckpointReader],
})
export class AuditModule {}
