import { Module } from '@nestjs/common';

import { GraphModule } from '../graph/graph.module';
import { PolicyModule } from '../policy/policy.module';
import { DecisionReplayController } from './decision-replay.controller';
import { DecisionReplayService } from './decision-replay.service';
import { InferenceClient } from './inference.client';

@Module({
  imports: [PolicyModule, GraphModule],
  controllers: [DecisionReplayController],
  providers: [DecisionReplayService, InferenceClient],
  exports: [InferenceClient],
})
export class ReplayModule {}
