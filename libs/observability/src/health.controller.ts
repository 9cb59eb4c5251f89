import { Controller, Get, HttpCode, HttpException, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';

import { HEALTH_INDICATORS, type HealthIndicator, withTimeout } from './health-indicator';
import { MetricsService } from './metrics.service';
import { GracefulShutdownService } from './shutdown/graceful-shutdown.service';

@Controller()
export class HealthController {
  constructor(
    @Inject(HEALTH_INDICATORS) private readonly indicators: HealthIndicator[],
    private readonly metrics: MetricsService,
    private readonly shutdown: GracefulShutdownService,
  ) {}

  @Get('health/live')
  @HttpCode(200)
  live(): { status: string } {
    return { status: 'ok' };
  }

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
    const checks = Object.fromEntries(results);
    const allUp = results.every(([, state]) => state === 'up');
    if (!allUp) {
      throw new HttpException({ status: 'not-ready', checks }, HttpStatus.SERVICE_UNAVAILABLE);
    }
    return { status: 'ready', checks };
  }

  @Get('metrics')
  async scrape(@Res() res: Response): Promise<void> {
    res.setHeader('Content-Type', this.metrics.registry.contentType);
    res.send(await this.metrics.registry.metrics());
  }
}
