import { Injectable } from '@nestjs/common';

import type { GraphExplanation, GraphFeatures } from '@loanmesh/contracts';
import { DomainException } from '@loanmesh/observability';

import { FEATURE_VERSION, GraphFeaturesService } from '../graph-features/graph-features.service';
import { ApplicationGraphRepository, type ApplicationRef } from './application-graph.repository';
import { markRiskyPaths, type EgoGraph } from './ego-graph.types';

const EGO_PATH_CAP = 300;

export interface ApplicationFeaturesView {
  applicationId: string;
  companyId: string;
  asOf: string;
  featureVersion: string;
  features: GraphFeatures;
  explanations: GraphExplanation[];
}

/** The console's read side: features and the 2-hop ego graph of an application, as of its day. */
@Injectable()
export class ApplicationGraphService {
  constructor(
    private readonly repository: ApplicationGraphRepository,
    private readonly calculator: GraphFeaturesService,
  ) {}

  /** `at`: another day than the application's (an early-warning re-score: the graph when a neighbour defaulted). */
  async features(applicationId: string, at?: string): Promise<ApplicationFeaturesView> {
    const app = await this.require(applicationId);
    const instant = at === undefined ? app.submittedAt : `${at}T23:59:59.999Z`;
    const result = await this.calculator.compute(app.companyId, instant, undefined, 5000);
    const asOf = instant.slice(0, 10);
    return {
      applicationId,
      companyId: app.companyId,
      asOf,
      featureVersion: FEATURE_VERSION,
      features: result.features,
      explanations: result.explanations,
    };
  }

  async egoGraph(applicationId: string): Promise<EgoGraph & { center: string; asOf: string }> {
    const app = await this.require(applicationId);
    const asOf = app.submittedAt.slice(0, 10);
    const [graph, result] = await Promise.all([
      this.repository.egoGraph(app.companyId, asOf, EGO_PATH_CAP),
      this.calculator.compute(app.companyId, app.submittedAt, undefined, 5000),
    ]);
    const pathIds = new Set([app.companyId, ...result.explanations.flatMap((e) => e.path ?? [])]);
    return { center: app.companyId, asOf, ...markRiskyPaths(graph, pathIds) };
  }

  private async require(id: string): Promise<ApplicationRef> {
    const app = await this.repository.find(id);
    if (!app) {
      throw new DomainException('GRAPH_APPLICATION_NOT_FOUND', 'NOT_FOUND', `application ${id} is not in the graph`);
    }
    return app;
  }
}
