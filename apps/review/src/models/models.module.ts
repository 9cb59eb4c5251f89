import { Module } from '@nestjs/common';

import { InferenceClient } from '../replay/inference.client';
import { ModelCatalogService } from './model-catalog.service';
import { ModelPromotionService } from './model-promotion.service';
import { ModelController } from './model.controller';

@Module({
  controllers: [ModelController],
  providers: [ModelCatalogService, ModelPromotionService, InferenceClient],
})
export class ModelsModule {}
