import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { z } from 'zod';

import type { ModelDriftAlertEvent } from '@loanmesh/contracts';
import { DomainException } from '@loanmesh/observability';

import { type DriftReport, DriftService } from './drift.service';

const reportQuery = z.object({
  granularity: z.enum(['day', 'month']).default('day'),
  periods: z.coerce.number().int().min(1).max(92).default(30),
});

/** Registered before the registry's `/models/:id`, so these paths are not read as ids. */
@Controller('models/drift')
export class DriftController {
  constructor(private readonly drift: DriftService) {}

  /** Score and feature PSI per scoring model, for the last `periods` days or months (the console's model page). */
  @Get()
  report(@Query() query: Record<string, unknown>): Promise<DriftReport> {
    const parsed = reportQuery.safeParse(query);
    if (!parsed.success) {
      throw new DomainException('DRIFT_QUERY_INVALID', 'INVALID', 'granularity is day or month; periods 1 to 92');
    }
    return this.drift.report(parsed.data.granularity, parsed.data.periods);
  }

  /** Runs the monitor now (it also runs on its interval): the alerts newly raised. */
  @Post('check')
  @HttpCode(200)
  async check(): Promise<{ raised: ModelDriftAlertEvent[] }> {
    return { raised: await this.drift.check() };
  }
}
