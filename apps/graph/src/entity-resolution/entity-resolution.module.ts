import { Module } from '@nestjs/common';

import { GraphMemoryModule } from '../graph-memory/graph-memory.module';
import { EntityResolutionController } from './entity-resolution.controller';
import { EntityResolutionRepository } from './entity-resolution.repository';
import { EntityResolutionService } from './entity-resolution.service';

@Module({
  imports: [GraphMemoryModule],
  controllers: [EntityResolutionController],
  providers: [EntityResolutionRepository, EntityResolutionService],
  exports: [EntityResolutionService],
})
export class EntityResolutionModule {}
