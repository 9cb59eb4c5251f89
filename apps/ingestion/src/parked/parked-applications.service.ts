import { Injectable } from '@nestjs/common';

import { SystemClock } from '../common/system-clock.service';
import type { ParkedApplicationState } from '../store/parked-application.entity';
import { missingOf } from './application-incomplete-message.builder';
import { ParkedApplicationRepository, type ParkedApplicationEvent } from './parked-application.repository';

export interface ParkedSummary {
  waiting: number;
  expired: number;
  /** Of the expired, those sent to officers as `application.incomplete` (the rest were history). */
  expiredAnnounced: number;
  /** Age of the longest-waiting application; 0 when none waits. */
  oldestWaitingSeconds: number;
}

export interface ParkedApplicationView {
  applicationId: string;
  companyId: string;
  parkedAt: string;
  /** Seconds since it was parked (waiting) or that it waited until it expired. */
  ageSeconds: number;
  state: ParkedApplicationState;
  missing: string[];
  expiredAt: string | null;
  expiryReason: string | null;
  announced: boolean;
  companyArrivedAt: string | null;
}

export interface ParkedListing {
  state: ParkedApplicationState;
  items: ParkedApplicationView[];
}

/** The operator's view of parked applications: counts, the oldest wait, and a listing. */
@Injectable()
export class ParkedApplicationsService {
  constructor(
    private readonly parked: ParkedApplicationRepository,
    private readonly clock: SystemClock,
  ) {}

  async summary(): Promise<ParkedSummary> {
    const counts = await this.parked.counts();
    const oldest = counts.oldestWaitingParkedAt;
    return {
      waiting: counts.waiting,
      expired: counts.expired,
      expiredAnnounced: counts.expiredAnnounced,
      oldestWaitingSeconds: oldest ? secondsBetween(oldest, this.clock.now()) : 0,
    };
  }

  async list(state: ParkedApplicationState, limit: number): Promise<ParkedListing> {
    const now = this.clock.now();
    const rows = await this.parked.list(state, limit);
    const items = rows.map((r): ParkedApplicationView => {
      const application = r.event as ParkedApplicationEvent;
      return {
        applicationId: application.payload.applicationId,
        companyId: r.companyId,
        parkedAt: r.parkedAt.toISOString(),
        ageSeconds: secondsBetween(r.parkedAt, r.expiredAt ?? now),
        state: r.state,
        missing: missingOf(r.companyId),
        expiredAt: r.expiredAt?.toISOString() ?? null,
        expiryReason: r.expiryReason,
        announced: r.announced,
        companyArrivedAt: r.companyArrivedAt?.toISOString() ?? null,
      };
    });
    return { state, items };
  }
}

function secondsBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 1000));
}
