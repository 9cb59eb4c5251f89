import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { APP_CONFIG } from '@loanmesh/config';
import { ApplicationIncompleteReasons } from '@loanmesh/contracts';
import { OutboxRelayService, OutboxWriter } from '@loanmesh/database';
import { GracefulShutdownService, MetricsService } from '@loanmesh/observability';

import { SystemClock } from '../common/system-clock.service';
import type { IngestionConfig } from '../config/ingestion.config';
import { isWithinDecisionWindow } from '../ingest/decision-window';
import { applicationIncompleteMessage } from './application-incomplete-message.builder';
import { type ExpiredParkedApplication, ParkedApplicationRepository } from './parked-application.repository';
import { ParkedApplicationsService } from './parked-applications.service';

/** A parked application waits only for its company, so that is what it lacks when it expires. */
const REASON = ApplicationIncompleteReasons.missingCompanyData;

/**
 * No application waits forever: applications parked longer than
 * `PARKED_APPLICATION_TIMEOUT_SECONDS` (by the app clock, from when ingestion parked them)
 * are expired and announced on `lending.application-incomplete.v1` for a human, one
 * transaction per batch (expiry and outbox row commit together). Like a released
 * application, one outside the decision window is history: expired, but not sent to be
 * decided. Every replica sweeps; row locks with SKIP LOCKED keep two sweeps off one row.
 */
@Injectable()
export class ParkedApplicationSweeperService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ParkedApplicationSweeperService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly parked: ParkedApplicationRepository,
    private readonly summaries: ParkedApplicationsService,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelayService,
    private readonly clock: SystemClock,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: IngestionConfig,
    shutdown: GracefulShutdownService,
  ) {
    // Before the outbox flush, so what a last sweep announces is published with it.
    shutdown.register('stop-work', 'parked application sweeper', () => this.onModuleDestroy());
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.PARKED_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  /** Lets a sweep in flight finish, so it never runs against a closing connection pool. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Expires every waiting application past the timeout, batch by batch; resolves to how many. */
  async sweep(): Promise<number> {
    let total = 0;
    for (;;) {
      const expired = await this.expireBatch();
      total += expired.length;
      if (expired.length < this.config.PARKED_SWEEP_BATCH_SIZE || this.stopped) {
        break;
      }
    }
    await this.refreshGauges();
    return total;
  }

  /** A slow sweep is not overlapped by the next tick of the same process. */
  private tick(): void {
    this.running ??= this.sweep()
      .then(() => undefined)
      .catch((e: unknown) => this.logger.warn({ msg: 'parked sweep failed', error: String(e) }))
      .finally(() => {
        this.running = undefined;
      });
  }

  private async expireBatch(): Promise<(ExpiredParkedApplication & { announced: boolean })[]> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.config.PARKED_APPLICATION_TIMEOUT_SECONDS * 1000);
    const window = this.config.APPLICATION_DECISION_WINDOW_HOURS;
    const expired = await this.dataSource.transaction(async (m) => {
      const rows = await this.parked.expireDue(m, cutoff, now, REASON, this.config.PARKED_SWEEP_BATCH_SIZE);
      const announced = rows.filter((r) => isWithinDecisionWindow(r.application.payload.submittedAt, now, window));
      await this.parked.markAnnounced(
        m,
        announced.map((r) => r.application.eventId),
      );
      await this.outbox.write(
        m,
        announced.map((r) => applicationIncompleteMessage(r, REASON, now)),
      );
      return rows.map((r) => ({ ...r, announced: announced.includes(r) }));
    });
    if (expired.length > 0) {
      this.relay.wake();
      this.metrics
        .counter('loanmesh_parked_applications_expired_total', 'Parked applications given up on, by reason', ['reason'])
        .inc({ reason: REASON }, expired.length);
    }
    for (const e of expired) {
      this.logger.warn({
        msg: 'parked application expired',
        applicationId: e.application.payload.applicationId,
        companyId: e.application.payload.companyId,
        reason: REASON,
        parkedAt: e.parkedAt.toISOString(),
        announced: e.announced,
      });
    }
    return expired;
  }

  private async refreshGauges(): Promise<void> {
    const s = await this.summaries.summary();
    const parked = this.metrics.gauge('loanmesh_parked_applications', 'Parked applications by state', ['state']);
    parked.set({ state: 'waiting' }, s.waiting);
    parked.set({ state: 'expired' }, s.expired);
    this.metrics
      .gauge(
        'loanmesh_parked_applications_oldest_waiting_seconds',
        'Age of the longest-waiting parked application (0 when none waits)',
      )
      .set(s.oldestWaitingSeconds);
  }
}
