import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';
import { Topics } from '@loanmesh/contracts';
import { OUTBOX_PUBLISHER, type OutboxPublisher, type RelayedMessage } from '@loanmesh/database';
import { classifyFailure, GracefulShutdownService, MetricsService } from '@loanmesh/observability';

import type { GraphConfig } from '../config/graph.config';
import { EarlyWarningAlertRepository, relayedMessageOf } from './early-warning-alert.repository';

export type EarlyWarningRelayConfig = Pick<
  GraphConfig,
  | 'EARLY_WARNING_RELAY_ENABLED'
  | 'EARLY_WARNING_RELAY_BATCH'
  | 'EARLY_WARNING_RELAY_POLL_MS'
  | 'EARLY_WARNING_RETENTION_SECONDS'
>;

const ERROR_BACKOFF_MS = 1000;
const PURGE_BATCH = 1000;
const PURGE_INTERVAL_MS = 60_000;
const MAX_FLUSH_ROUNDS = 20;

/**
 * Moves stored early-warning alerts to Kafka, the design of the PostgreSQL outbox relay
 * (libs/database OutboxRelayService) on Neo4j: claims the oldest unpublished alerts, publishes
 * them through the same OutboxPublisher port, then marks them published. A crash or a failed
 * publish between the two leaves them unpublished and the next round sends them again:
 * at-least-once, consumers dedupe on alertId. Neo4j has no SKIP LOCKED or advisory lock, so
 * two graph replicas may both send an alert; that is a duplicate, never a loss.
 */
@Injectable()
export class EarlyWarningRelayService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EarlyWarningRelayService.name);
  private stopped = true;
  private loopDone: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | undefined;
  private wokenDuringRound = false;
  private nextPurgeAt = 0;
  /** Since when rounds fail, and why, for readiness; undefined after a round that worked. */
  private failing: { since: number; error: string } | undefined;

  constructor(
    private readonly alerts: EarlyWarningAlertRepository,
    @Inject(OUTBOX_PUBLISHER) private readonly publisher: OutboxPublisher,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: EarlyWarningRelayConfig,
    shutdown: GracefulShutdownService,
  ) {
    shutdown.register('flush', 'early-warning relay', () => this.flush());
  }

  onApplicationBootstrap(): void {
    if (this.config.EARLY_WARNING_RELAY_ENABLED) {
      this.start();
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /** Rounds failing without a break since `since` (ms epoch), with the last error. */
  get failure(): { since: number; error: string } | undefined {
    return this.failing;
  }

  start(): void {
    if (!this.stopped) {
      return;
    }
    this.stopped = false;
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loopDone;
  }

  /** Ends the idle pause now; called after alerts are stored. */
  wake(): void {
    if (this.wakeUp) {
      this.wakeUp();
    } else {
      this.wokenDuringRound = true;
    }
  }

  /** Shutdown: publishes what is stored, batch after batch; what is left waits for the next process. */
  async flush(): Promise<void> {
    await this.stop();
    let published = 0;
    for (let round = 0; round < MAX_FLUSH_ROUNDS; round++) {
      const n = await this.relayOnce();
      published += n;
      if (n < this.config.EARLY_WARNING_RELAY_BATCH) {
        break;
      }
    }
    this.logger.log({ msg: 'early-warning relay flushed', published, left: await this.alerts.countUnpublished() });
  }

  /** Publishes up to one batch; resolves to the number of alerts published. */
  async relayOnce(): Promise<number> {
    const claimed = await this.alerts.claim(this.config.EARLY_WARNING_RELAY_BATCH);
    const batch = claimed.map((a) => relayedMessageOf(a, Topics.earlyWarning));
    const published = batch.length === 0 ? [] : await this.publishBatch(batch);
    if (published.length > 0) {
      await this.alerts.markPublished(published.map((m) => m.id));
    }
    this.metrics
      .counter('loanmesh_early_warning_published_total', 'Early-warning alerts published to Kafka')
      .inc(published.length);
    this.metrics
      .gauge('loanmesh_early_warning_backlog', 'Early-warning alerts stored in Neo4j and not yet published')
      .set(await this.alerts.countUnpublished());
    return published.length;
  }

  private async publishBatch(batch: RelayedMessage[]): Promise<RelayedMessage[]> {
    try {
      const count = await this.publisher.publish(batch);
      return batch.slice(0, count ?? batch.length);
    } catch (e) {
      if (classifyFailure(e).class !== 'permanent') {
        throw e; // the broker is away: nothing is marked, the round is retried after the backoff
      }
      return this.publishOneByOne(batch);
    }
  }

  /** Kafka refused something for good: send one by one, set aside each refused alert, go on with the rest. */
  private async publishOneByOne(batch: RelayedMessage[]): Promise<RelayedMessage[]> {
    const published: RelayedMessage[] = [];
    for (const m of batch) {
      try {
        await this.publisher.publish([m]);
        published.push(m);
      } catch (e) {
        const failure = classifyFailure(e);
        if (failure.class !== 'permanent') {
          break;
        }
        await this.alerts.markFailed(m.id, failure.reason);
        this.metrics
          .counter('loanmesh_early_warning_failed_total', 'Early-warning alerts Kafka refused for good, set aside')
          .inc();
        this.logger.error({
          msg: 'early-warning alert refused by Kafka, set aside',
          alertId: m.id,
          reason: failure.reason,
        });
      }
    }
    return published;
  }

  private async purgeIfDue(): Promise<void> {
    if (Date.now() < this.nextPurgeAt) {
      return;
    }
    const purged = await this.alerts.purgePublished(this.config.EARLY_WARNING_RETENTION_SECONDS, PURGE_BATCH);
    if (purged < PURGE_BATCH) {
      this.nextPurgeAt = Date.now() + PURGE_INTERVAL_MS;
    }
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      this.wokenDuringRound = false;
      let pause = this.config.EARLY_WARNING_RELAY_POLL_MS;
      try {
        if ((await this.relayOnce()) >= this.config.EARLY_WARNING_RELAY_BATCH || this.wokenDuringRound) {
          pause = 0;
        } else {
          await this.purgeIfDue();
        }
        this.failing = undefined;
      } catch (e) {
        pause = ERROR_BACKOFF_MS;
        const error = e instanceof Error ? e.message : String(e);
        this.failing = { since: this.failing?.since ?? Date.now(), error };
        this.logger.warn({ msg: 'early-warning relay round failed', error });
      }
      if (pause > 0 && !this.stopped) {
        await this.sleep(pause);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}
