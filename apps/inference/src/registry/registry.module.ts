import { Module } from '@nestjs/common';

import { ModelCatalogService } from './model-catalog.service';
import { ModelRegistryController } from './model-registry.controller';
import { ModelRegistryService } from './model-registry.service';
import { ModelRollbackController } from './model-rollback.controller';
import { ModelRollbackService } from './model-rollback.service';
import { ModelStartupService } from './model-startup.service';
import { ShadowRegistrationController } from './shadow-registration.controller';
import { ShadowRegistrationService } from './shadow-registration.service';

@Module({
  controllers: [ModelRegistryController, ModelRollbackController, ShadowRegistrationController],
  providers: [
    ModelRegistryService,
    ModelRollbackService,
    ModelCatalogService,
    ModelStartupService,
    ShadowRegistrationService,
  ],
  exports: [ModelRegistryService, ModelCatalogService],
})
export class RegistryModule {}
