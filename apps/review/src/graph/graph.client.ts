import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';
import { ServiceCredentialIssuer } from '@loanmesh/service-auth';

import type { ReviewConfig } from '../config/review.config';
import { UpstreamClient } from '../common/upstream.client';

/** Adapter for the graph service's HTTP API (ego graphs, features as of a date, entity-resolution candidates). */
@Injectable()
export class GraphClient extends UpstreamClient {
  constructor(@Inject(APP_CONFIG) config: ReviewConfig, credentials: ServiceCredentialIssuer) {
    super('graph', config.GRAPH_BASE_URL, config.UPSTREAM_TIMEOUT_MS, credentials);
  }
}
