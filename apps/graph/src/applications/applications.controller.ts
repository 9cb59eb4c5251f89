import { Controller, Get, Param, Query } from '@nestjs/common';
import { z } from 'zod';

import { applicationFeaturesViewSchema, egoGraphViewSchema, isoDate } from '@loanmesh/contracts';
import { DomainException, ZodQuery, ZodResponse } from '@loanmesh/observability';

import { ApplicationGraphService, type ApplicationFeaturesView } from './application-graph.service';
import type { EgoGraph } from './ego-graph.types';

const featuresQuery = z.object({
  /** A day other than the application's: the features as the graph stood at its end. */
  asOf: isoDate.optional(),
});

@Controller('applications')
export class ApplicationsController {
  constructor(private readonly graph: ApplicationGraphService) {}

  @Get(':id/features')
  @ZodQuery(featuresQuery)
  @ZodResponse(200, applicationFeaturesViewSchema)
  features(@Param('id') id: string, @Query() query: unknown): Promise<ApplicationFeaturesView> {
    const parsed = featuresQuery.safeParse(query);
    if (!parsed.success) {
      throw new DomainException(
        'FEATURES_QUERY_INVALID',
        'INVALID',
        `asOf: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      );
    }
    return this.graph.features(id, parsed.data.asOf);
  }

  @Get(':id/ego-graph')
  @ZodResponse(200, egoGraphViewSchema)
  egoGraph(@Param('id') id: string): Promise<EgoGraph & { center: string; asOf: string }> {
    return this.graph.egoGraph(id);
  }
}
