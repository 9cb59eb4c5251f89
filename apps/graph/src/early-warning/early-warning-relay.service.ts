import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';
import { Topics } from '@loanmesh/contracts';
import {
  OUTBOX_PUBLISHER,
  type OutboxPublisher,
  publishIsolating,
  type RelayedMessage,
  RelayLoop,
  type RoundResult,
} from '@loanmesh/database';
import { GracefulShutdownService, MetricsService } from '@loanmesh/observability';

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
  private readonly loop: RelayLoop;
  private nextPurgeAt = 0;

  constructor(
    private readonly alerts: EarlyWarningAlertRepository,
    @Inject(OUTBOX_PUBLISHER) private readonly publisher: OutboxPublisher,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: EarlyWarningRelayConfig,
    shutdown: GracefulShutdownService,
  ) {
    shutdown.register('flush', 'early-warning relay', () => this.flush());
    this.loop = new RelayLoop(
      () => this.round(),
      () => this.purgeIfDue(),
      {
        name: 'early-warning',
        batchSize: config.EARLY_WARNING_RELAY_BATCH,
        // An empty outbox backs off from the poll to ten times it; storing alerts wakes the relay.
        idlePollMs: config.EARLY_WARNING_RELAY_POLL_MS,
        maxIdlePollMs: config.EARLY_WARNING_RELAY_POLL_MS * 10,
        errorBackoffMs: ERROR_BACKOFF_MS,
      },
    );
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
    return this.loop.failure;
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }

  /** Ends the idle pause now; called after alerts are stored. */
  wake(): void {
    this.loop.wake();
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
    return (await this.round()).published;
  }

  private async round(): Promise<RoundResult> {
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
    // No lock in Neo4j: every replica relays (a duplicate is possible, never a loss).
    return { locked: true, claimed: batch.length, published: published.length };
  }

  /** Kafka refused something for good: that alert is set aside with the reason, the rest go on. */
  private publishBatch(batch: RelayedMessage[]): Promise<RelayedMessage[]> {
    return publishIsolating(this.publisher, batch, async (m, reason) => {
      await this.alerts.markFailed(m.id, reason);
      this.metrics
        .counter('loanmesh_early_warning_failed_total', 'Early-warning alerts Kafka refused for good, set aside')
        .inc();
      this.logger.error({ msg: 'early-warning alert refused by Kafka, set aside', alertId: m.id, reason });
    });
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
}
