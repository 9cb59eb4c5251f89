import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, In, LessThan } from 'typeorm';

import { APP_CONFIG } from '@loanmesh/config';
import { MetricsService } from '@loanmesh/observability';

import type { ReviewConfig } from '../config/review.config';
import { CaseEventEntity } from './case-event.entity';
import { CaseEntity } from './case.entity';

/** Flags cases past their SLA deadline, records the breach in their history and counts it. */
@Injectable()
export class SlaSweeperService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SlaSweeperService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: ReviewConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweep().catch((e: unknown) => this.logger.warn({ msg: 'SLA sweep failed', error: String(e) }));
    }, this.config.REVIEW_SLA_SWEEP_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
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
