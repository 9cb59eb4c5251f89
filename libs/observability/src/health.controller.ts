import { Controller, Get, HttpCode, HttpException, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';

import { ConsumerHealthRegistry } from './consumer-health.registry';
import type { ConsumerMonitor } from './consumer-monitor';
import { HEALTH_INDICATORS, type HealthIndicator, withTimeout } from './health-indicator';
import { MetricsService } from './metrics.service';
import { RouteAccessOf } from './route-access.decorator';
import { GracefulShutdownService } from './shutdown/graceful-shutdown.service';

@Controller()
export class HealthController {
  constructor(
    @Inject(HEALTH_INDICATORS) private readonly indicators: HealthIndicator[],
    private readonly metrics: MetricsService,
    private readonly consumers: ConsumerHealthRegistry,
    private readonly shutdown: GracefulShutdownService,
  ) {}

  /** Fails only when the process cannot recover by itself: a Kafka consumer stopped for good. */
  @RouteAccessOf('probe')
  @Get('health/live')
  @HttpCode(200)
  live(): { status: string } {
    const failed = this.consumers.failed();
    if (failed.length > 0) {
      throw new HttpException(
        { status: 'down', consumers: Object.fromEntries(failed.map((m) => [m.name, m.failureReason ?? 'failed'])) },
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    }
    return { status: 'ok' };
  }

  @RouteAccessOf('probe')
  @Get('health/ready')
  async ready(): Promise<{ status: string; checks: Record<string, string> }> {
    if (this.shutdown.draining) {
      // No new traffic while draining, whatever the dependencies say.
      throw new HttpException({ status: 'shutting-down', checks: {} }, HttpStatus.SERVICE_UNAVAILABLE);
    }
    const results = await Promise.all(
      this.indicators.map(async (i) => {
        try {
          await withTimeout(i.check(), 2000, i.name);
          return [i.name, 'up'] as const;
        } catch (e) {
          return [i.name, `down: ${e instanceof Error ? e.message : String(e)}`] as const;
        }
      }),
    );
    const all = [...results, ...this.consumers.list().map((m) => [`consumer:${m.name}`, consumerCheck(m)] as const)];
    const checks = Object.fromEntries(all);
    const allUp = all.every(([, state]) => state === 'up');
    if (!allUp) {
      throw new HttpException({ status: 'not-ready', checks }, HttpStatus.SERVICE_UNAVAILABLE);
    }
    return { status: 'ready', checks };
  }

  @RouteAccessOf('metrics')
  @Get('metrics')
  async scrape(@Res() res: Response): Promise<void> {
    res.setHeader('Content-Type', this.metrics.registry.contentType);
    res.send(await this.metrics.registry.metrics());
  }
}

/** A consumer is ready while it runs, no partition waits out a retry and no batch is stalled. */
function consumerCheck(m: ConsumerMonitor): string {
  if (m.state === 'failed') {
    return `down: ${m.failureReason ?? 'failed'}`;
  }
  const stalled = m.stalled();
  if (stalled.length > 0) {
    const s = stalled[0];
    return (
      `down: ${stalled.length} chunk(s) stalled; ${s.topic}[${s.partition}] in flight for ` +
      `${Math.round((Date.now() - s.since) / 1000)} s (a dependency accepts but does not answer)`
    );
  }
  const waiting = m.partitionsInBackoff();
  if (waiting.length === 0) {
    return 'up';
  }
  const first = waiting[0];
  return (
    `down: ${waiting.length} partition(s) retrying after a dependency failure; ` +
    `${first.topic}[${first.partition}] ${first.attempts} attempt(s) since ${new Date(first.since).toISOString()}: ${first.error}`
  );
}
