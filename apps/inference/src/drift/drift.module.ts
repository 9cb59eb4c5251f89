import { Module } from '@nestjs/common';

import { inferenceOutbox } from '../database/inference-outbox.module';
import { DriftController } from './drift.controller';
import { DriftMonitorService } from './drift-monitor.service';
import { DriftRepository } from './drift.repository';
import { DriftService } from './drift.service';

@Module({
  imports: [inferenceOutbox],
  controllers: [DriftController],
  providers: [DriftService, DriftRepository, DriftMonitorService],
})
export class DriftModule {}
