import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';
import { ServiceCredentialIssuer } from '@loanmesh/service-auth';
import {
  type AccountingSelection,
  accountingQueryOf,
  type IngestionAccounting,
  ingestionAccountingSchema,
} from '@loanmesh/contracts';

import type { ReviewConfig } from '../config/review.config';
import { UpstreamClient, UpstreamUnavailableException } from '../common/upstream.client';

/** Adapter for the ingestion service's HTTP API (its side of the application accounting). */
@Injectable()
export class IngestionClient extends UpstreamClient {
  constructor(@Inject(APP_CONFIG) config: ReviewConfig, credentials: ServiceCredentialIssuer) {
    super('ingestion', config.INGESTION_BASE_URL, config.UPSTREAM_TIMEOUT_MS, credentials);
  }

  async accounting(selection: AccountingSelection): Promise<IngestionAccounting> {
    const answer = ingestionAccountingSchema.safeParse(
      await this.get(`/ingestion/applications/accounting?${accountingQueryOf(selection)}`),
    );
    if (!answer.success) {
      // An answer of another shape is as useless as none (a version skew between the services).
      throw new UpstreamUnavailableException('ingestion');
    }
    return answer.data;
  }
}
