import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';
import { ServiceCredentialIssuer } from '@loanmesh/service-auth';

import type { ReviewConfig } from '../config/review.config';
import { UpstreamClient } from '../common/upstream.client';

/** Adapter for the inference service's HTTP API (pinned-model replays). */
@Injectable()
export class InferenceClient extends UpstreamClient {
  constructor(@Inject(APP_CONFIG) config: ReviewConfig, credentials: ServiceCredentialIssuer) {
    super('inference', config.INFERENCE_BASE_URL, config.UPSTREAM_TIMEOUT_MS, credentials);
  }
}
