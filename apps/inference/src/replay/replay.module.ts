import { Module } from '@nestjs/common';

import { ModelReplayController } from './model-replay.controller';
import { ModelReplayService } from './model-replay.service';

/** Pinned-model replays of past decisions (uses the global serving providers). */
@Module({ controllers: [ModelReplayController], providers: [ModelReplayService] })
export class ReplayModule {}
