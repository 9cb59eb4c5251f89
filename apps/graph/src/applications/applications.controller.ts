import { Controller, Get, Param } from '@nestjs/common';

import { applicationFeaturesViewSchema, egoGraphViewSchema } from '@loanmesh/contracts';
import { ZodResponse } from '@loanmesh/observability';

import { ApplicationGraphService, type ApplicationFeaturesView } from './application-graph.service';
import type { EgoGraph } from './ego-graph.types';

@Controller('applications')
export class ApplicationsController {
  constructor(private readonly graph: ApplicationGraphService) {}

  @Get(':id/features')
  @ZodResponse(200, applicationFeaturesViewSchema)
  features(@Param('id') id: string): Promise<ApplicationFeaturesView> {
    return this.graph.features(id);
  }

  @Get(':id/ego-graph')
  @ZodResponse(200, egoGraphViewSchema)
  egoGraph(@Param('id') id: string): Promise<EgoGraph & { center: string; asOf: string }> {
    return this.graph.egoGraph(id);
  }
}
