import { Body, Controller, HttpCode, Post } from '@nestjs/common';

import { ServiceCallers } from '@loanmesh/service-auth';

import { ModelRegistryException } from '../registry/model-registry.exception';
import { type ModelReplayResult, modelReplaySchema, ModelReplayService } from './model-replay.service';

@Controller('models')
export class ModelReplayController {
  constructor(private readonly replays: ModelReplayService) {}

  /** A past decision's feature vector scored by the model version it names (see ModelReplayService). */
  @ServiceCallers('review')
  @Post('replay')
  @HttpCode(200)
  replay(@Body() body: unknown): Promise<ModelReplayResult> {
    const parsed = modelReplaySchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ModelRegistryException(
        'REQUEST_INVALID',
        `replay request is invalid: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown'}`,
      );
    }
    return this.replays.replay(parsed.data);
  }
}
