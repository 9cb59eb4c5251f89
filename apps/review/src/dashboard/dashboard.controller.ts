import { Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod';

import { ROLES } from '../auth/role';
import { Roles } from '../auth/roles.decorator';
import { parseBody } from '../common/parse-body';
import { type DashboardSummary, DashboardService, WINDOW_HOURS, type WindowHours } from './dashboard.service';

const windowQuery = z.object({
  hours: z.coerce
    .number()
    .int()
    .refine((h): h is WindowHours => (WINDOW_HOURS as readonly number[]).includes(h), {
      message: `hours must be one of ${WINDOW_HOURS.join(', ')}`,
    })
    .default(24),
});

@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  /** Live figures over the last `hours` (docs/console.md: what counts as live). */
  @Roles(...ROLES)
  @Get()
  summary(@Query() query: unknown): Promise<DashboardSummary> {
    return this.dashboard.summary(parseBody(windowQuery, query).hours);
  }
}
