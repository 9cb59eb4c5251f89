import { Controller, Get, Param } from '@nestjs/common';

import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { Roles } from '../auth/roles.decorator';
import { type DecisionReplay, DecisionReplayService } from './decision-replay.service';

@Controller('decisions')
export class DecisionReplayController {
  constructor(private readonly replays: DecisionReplayService) {}

  /** The automatic decision of an application replayed as of its time, with what changed. */
  @Roles(...PERMISSIONS['decisions.replay'])
  @Get(':applicationId/replay')
  replay(
    @Param('applicationId') applicationId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DecisionReplay> {
    return this.replays.replay(applicationId, user);
  }
}
