import { Module } from '@nestjs/common';

import { GraphMemoryModule } from '../graph-memory/graph-memory.module';
import { GraphFeaturesRepository } from './graph-features.repository';
import { GraphFeaturesService } from './graph-features.service';

@Module({
  imports: [GraphMemoryModule],
  providers: [GraphFeaturesRepository, GraphFeaturesService],
  exports: [GraphFeaturesService],
})
export class GraphFeaturesModule {}
