import { Module } from '@nestjs/common';

import { GraphFeaturesRepository } from './graph-features.repository';
import { GraphFeaturesService } from './graph-features.service';

@Module({
  providers: [GraphFeaturesRepository, GraphFeaturesService],
  exports: [GraphFeaturesService],
})
export class GraphFeaturesModule {}
