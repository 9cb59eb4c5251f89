import { Module } from '@nestjs/common';

import { AuditBundleService } from './audit-bundle.service';
import { AuditSignerService } from './audit-signer.service';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

@Module({ controllers: [AuditController], providers: [AuditService, AuditBundleService, AuditSignerService] })
export class AuditModule {}
