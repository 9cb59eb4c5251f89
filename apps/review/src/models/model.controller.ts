import { Controller, Get } from '@nestjs/common';

import { Roles } from '../auth/roles.decorator';
import { type ModelCatalog, ModelCatalogService } from './model-catalog.service';

@Controller('models')
export class ModelController {
  constructor(private readonly catalog: ModelCatalogService) {}

  @Roles('risk_manager', 'auditor', 'admin')
  @Get()
  list(): Promise<ModelCatalog> {
    return this.catalog.list();
  }
}
