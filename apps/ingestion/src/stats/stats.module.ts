import { Module } from '@nestjs/common';

import { IngestionStatsController } from './ingestion-stats.controller';
import { IngestionStatsService } from './ingestion-stats.service';

@Module({ controllers: [IngestionStatsController], providers: [IngestionStatsService] })
export class StatsModule {}
