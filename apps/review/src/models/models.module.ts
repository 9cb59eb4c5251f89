import { Module } from '@nestjs/common';

import { InferenceClient } from '../replay/inference.client';
import { ModelCatalogService } from './model-catalog.service';
import { ModelMonitoringService } from './model-monitoring.service';
import { ModelPromotionService } from './model-promotion.service';
import { ModelController } from './model.controller';

@Module({
  controllers: [ModelController],
  providers: [ModelCatalogService, ModelPromotionService, ModelMonitoringService, InferenceClient],
})
export class ModelsModule {}
