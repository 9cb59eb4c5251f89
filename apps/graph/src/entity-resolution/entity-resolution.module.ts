import { Module } from '@nestjs/common';

import { EntityResolutionController } from './entity-resolution.controller';
import { EntityResolutionRepository } from './entity-resolution.repository';
import { EntityResolutionService } from './entity-resolution.service';

@Module({
  controllers: [EntityResolutionController],
  providers: [EntityResolutionRepository, EntityResolutionService],
  exports: [EntityResolutionService],
})
export class EntityResolutionModule {}
