import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';

import { APP_CONFIG } from '@loanmesh/config';
import { ServiceCredentialIssuer } from '@loanmesh/service-auth';

import { UpstreamClient } from '../common/upstream.client';
import type { ReviewConfig } from '../config/review.config';

const parkedStatsSchema = z.object({
  parked: z.object({
    waiting: z.number().int().nonnegative(),
    expired: z.number().int().nonnegative(),
    /** Of the expired, those sent to officers (the rest were history, outside the decision window). */
    expiredAnnounced: z.number().int().nonnegative(),
    oldestWaitingSeconds: z.number().nonnegative(),
  }),
});

/** Applications ingestion holds back waiting for their company, or `available: false`. */
export type ParkedWork =
  ({ available: true } & z.infer<typeof parkedStatsSchema>['parked']) | { available: false; reason: string };

/** Adapter for the ingestion service's HTTP API (`GET /ingestion/stats`). */
@Injectable()
export class IngestionClient extends UpstreamClient {
  constructor(@Inject(APP_CONFIG) config: ReviewConfig, credentials: ServiceCredentialIssuer) {
    super('ingestion', config.INGESTION_BASE_URL, config.UPSTREAM_TIMEOUT_MS, credentials);
  }

  /** Never throws: the dashboard shows "unavailable" for this part and the rest as usual. */
  async parked(): Promise<ParkedWork> {
    try {
      const stats = parkedStatsSchema.safeParse(await this.get('/ingestion/stats'));
      return stats.success
        ? { available: true, ...stats.data.parked }
        : { available: false, reason: 'unexpected answer from the ingestion service' };
    } catch (e) {
      return { available: false, reason: e instanceof Error ? e.message : String(e) };
    }
  }
}
