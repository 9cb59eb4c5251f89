import { Module } from '@nestjs/common';

import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';
import { IngestionClient } from './ingestion.client';

@Module({ controllers: [DashboardController], providers: [DashboardService, IngestionClient] })
export class DashboardModule {}
