import { Controller, Get, Param } from '@nestjs/common';

import { ApplicationGraphService, type ApplicationFeaturesView } from './application-graph.service';
import type { EgoGraph } from './ego-graph.types';

@Controller('applications')
export class ApplicationsController {
  constructor(private readonly graph: ApplicationGraphService) {}

  @Get(':id/features')
  features(@Param('id') id: string): Promise<ApplicationFeaturesView> {
    return this.graph.features(id);
  }

  @Get(':id/ego-graph')
  egoGraph(@Param('id') id: string): Promise<EgoGraph & { center: string; asOf: string }> {
    return this.graph.egoGraph(id);
  }
}
