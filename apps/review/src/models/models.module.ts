import { Module } from '@nestjs/common';

import { ModelCatalogService } from './model-catalog.service';
import { ModelController } from './model.controller';

@Module({ controllers: [ModelController], providers: [ModelCatalogService] })
export class ModelsModule {}
