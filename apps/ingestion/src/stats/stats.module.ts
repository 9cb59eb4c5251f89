import { Module } from '@nestjs/common';

import { ParkedModule } from '../parked/parked.module';
import { IngestionStatsController } from './ingestion-stats.controller';
import { IngestionStatsService } from './ingestion-stats.service';

@Module({ imports: [ParkedModule], controllers: [IngestionStatsController], providers: [IngestionStatsService] })
export class StatsModule {}
