import { Controller, Get } from '@nestjs/common';

import { ROLES } from '../auth/role';
import { Roles } from '../auth/roles.decorator';
import { type DashboardSummary, DashboardService } from './dashboard.service';

@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Roles(...ROLES)
  @Get()
  summary(): Promise<DashboardSummary> {
    return this.dashboard.summary();
  }
}
