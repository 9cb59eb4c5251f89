import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';

import { type TrainingOutcomes, trainingOutcomesSchema } from '@loanmesh/contracts';
import { ZodResponse } from '@loanmesh/observability';
import { ServiceCallers } from '@loanmesh/service-auth';

import { ComparisonException } from './comparison.exception';
import { type ComparisonRow, ComparisonService } from './comparison.service';
import { OutcomeLabelService } from './outcome-label.service';
import { outcomeLabelsSchema } from './outcome-labels.dto';
import { TrainingOutcomesService } from './training-outcomes.service';

/** Registered before the registry's `/models/:id`, so these paths are not read as ids. */
@Controller('models')
export class ComparisonController {
  constructor(
    private readonly comparison: ComparisonService,
    private readonly labels: OutcomeLabelService,
    private readonly training: TrainingOutcomesService,
  ) {}

  /** The matured outcomes with the vectors the champion scored: what `npm run retrain` learns from. */
  @ServiceCallers('operator')
  @Get('outcomes/training-rows')
  @ZodResponse(200, trainingOutcomesSchema, 'labelled outcomes with their scored feature vectors')
  trainingRows(): Promise<TrainingOutcomes> {
    return this.training.rows();
  }

  @Get('comparison')
  async report(): Promise<{ pairs: ComparisonRow[] }> {
    return { pairs: await this.comparison.report() };
  }

  /** Outcome labels move the challenger's AUC, so only review (its labels module) writes them. */
  @ServiceCallers('review')
  @Post('outcomes')
  @HttpCode(200)
  async outcomes(@Body() body: unknown): Promise<{ recorded: number }> {
    const parsed = outcomeLabelsSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ComparisonException(
        'OUTCOMES_INVALID',
        `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    return { recorded: await this.labels.recordOutcomes(parsed.data) };
  }
}
