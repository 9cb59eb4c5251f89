import { Module } from '@nestjs/common';

import { InboxModule, OutboxModule } from '@loanmesh/database';

import { INFERENCE_SCHEMA } from '../database/inference-database';
import { ScoreBatchWriter } from './score-batch.writer';
import { ScoredApplicationRepository } from './scored-application.repository';
import { ScoringConsumer } from './scoring.consumer';
import { ScoringEngineService } from './scoring-engine.service';
import { ScoringService } from './scoring.service';

@Module({
  imports: [InboxModule, OutboxModule.forRoot({ lockName: INFERENCE_SCHEMA })],
  controllers: [ScoringConsumer],
  providers: [ScoringService, ScoringEngineService, ScoredApplicationRepository, ScoreBatchWriter],
  exports: [ScoringService, ScoringEngineService],
})
export class ScoringModule {}
