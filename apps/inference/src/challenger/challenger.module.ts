import { Module } from '@nestjs/common';

import { InboxModule } from '@loanmesh/database';

import { ComparisonController } from './comparison.controller';
import { ComparisonService } from './comparison.service';
import { OutcomeLabelConsumer } from './outcome-label.consumer';
import { OutcomeLabelService } from './outcome-label.service';
import { TrainingOutcomesService } from './training-outcomes.service';

@Module({
  imports: [InboxModule],
  controllers: [ComparisonController, OutcomeLabelConsumer],
  providers: [ComparisonService, OutcomeLabelService, TrainingOutcomesService],
})
export class ChallengerModule {}
