import { Controller, Get } from '@nestjs/common';

import { type IngestionStats, IngestionStatsService } from './ingestion-stats.service';

@Controller('ingestion')
export class IngestionStatsController {
  constructor(private readonly stats: IngestionStatsService) {}

  @Get('stats')
  async get(): Promise<IngestionStats> {
    return this.stats.stats();
  }
}
