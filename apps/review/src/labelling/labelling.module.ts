import { Module } from '@nestjs/common';

import { CasesModule } from '../cases/cases.module';
import { LabelAgreementService } from './label-agreement.service';
import { LabellingController } from './labelling.controller';
import { LabellingService } from './labelling.service';

@Module({
  imports: [CasesModule],
  controllers: [LabellingController],
  providers: [LabellingService, LabelAgreementService],
})
export class LabellingModule {}
