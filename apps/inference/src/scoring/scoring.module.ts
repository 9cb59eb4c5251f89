import { Module } from '@nestjs/common';

import { InboxModule } from '@loanmesh/database';

import { inferenceOutbox } from '../database/inference-outbox.module';
import { ScoreBatchWriter } from './score-batch.writer';
import { ScoredApplicationRepository } from './scored-application.repository';
import { ScoringConsumer } from './scoring.consumer';
import { ScoringEngineService } from './scoring-engine.service';
import { ScoringService } from './scoring.service';

@Module({
  imports: [InboxModule, inferenceOutbox],
  controllers: [ScoringConsumer],
  providers: [ScoringService, ScoringEngineService, ScoredApplicationRepository, ScoreBatchWriter],
  exports: [ScoringService, ScoringEngineService],
})
export class ScoringModule {}
