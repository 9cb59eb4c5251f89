import { Inject, Injectable, Logger } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';

import { ClockAdapter } from '../common/clock.adapter';
import type { InferenceConfig } from '../config/inference.config';
import type { LoadedModel } from './loaded-model';
import { ScoringMetrics } from './scoring.metrics';

export type HandoverSettings = Pick<InferenceConfig, 'CHAMPION_LATENCY_BUDGET_MS' | 'STANDBY_RETRY_MS'>;

interface Trip {
  championId: string;
  champion: string;
  reason: string;
  atMs: number;
}

/**
 * The hot-standby breaker: once a champion fails or runs over its latency budget, the
 * applications that start after it go straight to the standby, so the handover happens within
 * the batch in flight. After `STANDBY_RETRY_MS` one application tries the champion again.
 */
@Injectable()
export class StandbyHandoverService {
  private readonly logger = new Logger(StandbyHandoverService.name);
  private trip: Trip | null = null;

  constructor(
    private readonly clock: ClockAdapter,
    private readonly metrics: ScoringMetrics,
    @Inject(APP_CONFIG) private readonly settings: HandoverSettings,
  ) {}

  get latencyBudgetMs(): number {
    return this.settings.CHAMPION_LATENCY_BUDGET_MS;
  }

  /** Why this champion is bypassed now, or null when it should be tried. */
  bypassReason(champion: LoadedModel): string | null {
    const t = this.trip;
    if (!t || t.championId !== champion.identity.id) {
      return null;
    }
    if (this.clock.monotonicMs() - t.atMs >= this.settings.STANDBY_RETRY_MS) {
      // Half open: this application tries the champion; a failure trips the breaker again.
      t.atMs = this.clock.monotonicMs();
      return null;
    }
    return `CHAMPION_HANDED_OVER: ${t.champion}: ${t.reason}`;
  }

  handOver(champion: LoadedModel, cause: 'error' | 'latency', reason: string): void {
    const first = this.trip?.championId !== champion.identity.id;
    this.trip = {
      championId: champion.identity.id,
      champion: champion.identity.label,
      reason,
      atMs: this.clock.monotonicMs(),
    };
    this.metrics.countHandover(cause);
    if (first) {
      this.logger.error({
        msg: 'ALERT champion handed over to the standby',
        model: champion.identity.label,
        cause,
        reason,
      });
    }
  }

  recovered(champion: LoadedModel): void {
    if (this.trip?.championId === champion.identity.id) {
      this.trip = null;
      this.logger.log({ msg: 'champion serving again after a handover', model: champion.identity.label });
    }
  }

  /** The champion currently handed over, for readiness. */
  handedOver(): { championId: string; champion: string; reason: string } | null {
    return this.trip
      ? { championId: this.trip.championId, champion: this.trip.champion, reason: this.trip.reason }
      : null;
  }
}
