import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, In, LessThan } from 'typeorm';

import { APP_CONFIG } from '@loanmesh/config';
import { GracefulShutdownService, MetricsService } from '@loanmesh/observability';

import type { ReviewConfig } from '../config/review.config';
import { CaseEventEntity } from './case-event.entity';
import { CaseEntity } from './case.entity';

/** Flags cases past their SLA deadline, records the breach in their history and counts it. */
@Injectable()
export class SlaSweeperService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SlaSweeperService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: ReviewConfig,
    shutdown: GracefulShutdownService,
  ) {
    shutdown.register('stop-work', 'SLA sweeper', () => this.onModuleDestroy());
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.sweep()
        .then(() => undefined)
        .catch((e: unknown) => this.logger.warn({ msg: 'SLA sweep failed', error: String(e) }))
        .finally(() => {
          this.running = undefined;
        });
    }, this.config.REVIEW_SLA_SWEEP_MS);
    this.timer.unref();
  }

  /** Lets a sweep in flight finish, so it never runs against a closing connection pool. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async sweep(now = new Date()): Promise<number> {
    const breached = await this.dataSource.transaction(async (em) => {
      const due = await em.find(CaseEntity, {
        where: {
          slaBreached: false,
          status: In(['OPEN', 'CLAIMED', 'AWAITING_CONFIRMATION']),
          slaDeadline: LessThan(now),
        },
        take: 500,
        lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
      });
      for (const c of due) {
        await em.update(CaseEntity, { id: c.id }, { slaBreached: true });
        await em.insert(CaseEventEntity, {
          caseId: c.id,
          action: 'SLA_BREACHED',
          actor: 'system',
          details: { deadline: c.slaDeadline.toISOString() },
          at: now,
        });
      }
      return due.length;
    });
    if (breached > 0) {
      this.metrics
        .counter('loanmesh_review_sla_breaches_total', 'Cases that passed their SLA deadline undecided')
        .inc(breached);
      this.logger.warn({ msg: 'SLA breached', cases: breached });
    }
    return breached;
  }
}
