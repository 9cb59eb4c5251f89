import { Module } from '@nestjs/common';

import { ModelCatalogService } from './model-catalog.service';
import { ModelRegistryController } from './model-registry.controller';
import { ModelRegistryService } from './model-registry.service';
import { ModelRollbackController } from './model-rollback.controller';
import { ModelRollbackService } from './model-rollback.service';
import { ModelStartupService } from './model-startup.service';

@Module({
  controllers: [ModelRegistryController, ModelRollbackController],
  providers: [ModelRegistryService, ModelRollbackService, ModelCatalogService, ModelStartupService],
  exports: [ModelRegistryService, ModelCatalogService],
})
export class RegistryModule {}
