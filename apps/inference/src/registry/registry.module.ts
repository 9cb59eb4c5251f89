import { Module } from '@nestjs/common';

import { ModelCatalogService } from './model-catalog.service';
import { ModelRegistryController } from './model-registry.controller';
import { ModelRegistryService } from './model-registry.service';
import { ModelStartupService } from './model-startup.service';

@Module({
  controllers: [ModelRegistryController],
  providers: [ModelRegistryService, ModelCatalogService, ModelStartupService],
  exports: [ModelRegistryService, ModelCatalogService],
})
export class RegistryModule {}
