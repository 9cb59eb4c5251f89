import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';

import type { InferenceConfig } from '../config/inference.config';
import { DriftService } from './drift.service';

/**
 * Runs the drift check every DRIFT_CHECK_INTERVAL_MS. Replicas may all run it: an alert's
 * id is its primary key, so each alert is recorded and announced once whoever finds it.
 */
@Injectable()
export class DriftMonitorService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DriftMonitorService.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: InferenceConfig,
    private readonly drift: DriftService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.DRIFT_CHECK_INTERVAL_MS > 0) {
      this.timer = setInterval(() => this.tick(), this.config.DRIFT_CHECK_INTERVAL_MS);
      this.timer.unref();
    }
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) {
      return;
    }
    this.running = this.drift
      .check()
      .then(
        () => undefined,
        (error: unknown) => this.logger.error({ msg: 'drift check failed', error: String(error) }),
      )
      .finally(() => {
        this.running = undefined;
      });
  }
}
