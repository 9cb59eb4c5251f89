import { Module } from '@nestjs/common';

import { EarlyWarningService } from './early-warning.service';

@Module({
  providers: [EarlyWarningService],
  exports: [EarlyWarningService],
})
export class EarlyWarningModule {}
