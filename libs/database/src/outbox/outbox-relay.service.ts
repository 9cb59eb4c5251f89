import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { MetricsService } from '@loanmesh/observability';

import { OutboxMessageEntity } from './outbox-message.entity';
import { OUTBOX_PUBLISHER, type OutboxPublisher, type RelayedMessage } from './outbox-publisher';
import { OUTBOX_MODULE_OPTIONS, type OutboxModuleOptions } from './outbox.module-definition';

/** One relay at a time per outbox: Kafka then receives each key's messages in commit order. */
const TRY_LOCK_SQL = 'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked';

/**
 * Moves outbox rows to Kafka: claims the oldest unpublished rows (`FOR UPDATE SKIP LOCKED`,
 * in id order), publishes them, marks them published, commits. A crash before the commit
 * leaves the rows unpublished, so the next round (here or in a restarted process)
 * publishes them again: at-least-once, and every consumer is idempotent.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelayService.name);
  private stopped = true;
  private loopDone: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | undefined;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(OUTBOX_PUBLISHER) private readonly publisher: OutboxPublisher,
    private readonly metrics: MetricsService,
    @Inject(OUTBOX_MODULE_OPTIONS) private readonly options: OutboxModuleOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.autoStart ?? true) {
      this.start();
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
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

  /** Ends the idle pause now; call after committing outbox rows to cut latency. */
  wake(): void {
    this.wakeUp?.();
  }

  /** Publishes up to one batch; resolves to the number of rows published. */
  async relayOnce(): Promise<number> {
    const published = await this.dataSource.transaction(async (manager) => {
      const rows: { locked: boolean }[] = await manager.query(TRY_LOCK_SQL, [this.options.lockName]);
      if (!rows[0]?.locked) {
        return 0;
      }
      const batch = await this.claim(manager);
      if (batch.length > 0) {
        await this.publisher.publish(batch);
        await this.markPublished(manager, batch);
      }
      return batch.length;
    });
    this.metrics
      .counter('loanmesh_outbox_published_total', 'Outbox rows published to Kafka')
      .inc(published);
    return published;
  }

  private async claim(manager: EntityManager): Promise<RelayedMessage[]> {
    const rows = await manager
      .createQueryBuilder(OutboxMessageEntity, 'o')
      .where('o.published_at IS NULL')
      .orderBy('o.id', 'ASC')
      .limit(this.batchSize)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    return rows.map((r) => ({ id: r.id, topic: r.topic, key: r.messageKey, payload: r.payload, headers: r.headers }));
  }

  private async markPublished(manager: EntityManager, batch: readonly RelayedMessage[]): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(OutboxMessageEntity)
      .set({ publishedAt: () => 'now()' })
      .whereInIds(batch.map((m) => m.id))
      .execute();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let pause = this.options.idlePollMs ?? 50;
      try {
        if ((await this.relayOnce()) >= this.batchSize) {
          pause = 0;
        }
      } catch (e) {
        pause = this.options.errorBackoffMs ?? 1000;
        this.logger.warn({ msg: 'outbox relay round failed', error: e instanceof Error ? e.message : String(e) });
      }
      if (pause > 0 && !this.stopped) {
        await this.sleep(pause);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
    });
  }

  private get batchSize(): number {
    return this.options.batchSize ?? 500;
  }
}
