import { Module } from '@nestjs/common';

import { GraphClient } from '../graph/graph.client';
import { PolicyModule } from '../policy/policy.module';
import { DecisionReplayController } from './decision-replay.controller';
import { DecisionReplayService } from './decision-replay.service';
import { InferenceClient } from './inference.client';

@Module({
  imports: [PolicyModule],
  controllers: [DecisionReplayController],
  providers: [DecisionReplayService, InferenceClient, GraphClient],
})
export class ReplayModule {}
