import { Inject, Injectable, Logger } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';
import { type Freshness, Topics } from '@loanmesh/contracts';
import { KafkaOutboxPublisher, type OutboxPublisher, type RelayedMessage } from '@loanmesh/database';
import { positionsReached, TopicPositionsService } from '@loanmesh/kafka';
import { MetricsService } from '@loanmesh/observability';

import { SystemClock } from '../common/system-clock.service';
import type { IngestionConfig } from '../config/ingestion.config';
import { ConsumerProgressRepository } from './consumer-progress.repository';

interface Announcement {
  message: RelayedMessage;
  payload: { payload: { freshness?: Freshness } };
}

/**
 * The relay's publisher for ingestion, enforcing its half of the freshness contract:
 * - an application is announced only once ingestion has processed every core-banking
 *   record that was on the topic when the application was read (its barrier), so events
 *   core banking sent before it on other partitions are in the store and announced first;
 *   past FRESHNESS_BARRIER_TIMEOUT_MS it goes out unconfirmed (the graph then degrades it);
 * - it carries the domain-event positions already acknowledged by the broker when it is
 *   published, which the graph must apply before serving its features.
 * Rows are published in id order; a held application holds the rows behind it too.
 */
@Injectable()
export class FreshnessOutboxPublisher implements OutboxPublisher {
  private readonly logger = new Logger(FreshnessOutboxPublisher.name);

  constructor(
    private readonly kafka: KafkaOutboxPublisher,
    private readonly progress: ConsumerProgressRepository,
    private readonly positions: TopicPositionsService,
    private readonly clock: SystemClock,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: Pick<IngestionConfig, 'FRESHNESS_BARRIER_TIMEOUT_MS'>,
  ) {}

  async publish(messages: readonly RelayedMessage[]): Promise<number> {
    const announcements = messages.filter((m) => m.topic === Topics.applicationReceived).map(parse);
    if (announcements.length === 0) {
      await this.kafka.publish(messages);
      return messages.length;
    }
    const processed = await this.progress.positions(Topics.coreBankingEvents);
    const now = this.clock.now().getTime();
    let cut = messages.length;
    const confirmed = new Map<RelayedMessage, boolean>();
    for (const a of announcements) {
      const f = a.payload.payload.freshness;
      const reached = f !== undefined && positionsReached(f.coreBankingBarrier, processed);
      if (!reached && f !== undefined && now - f.barrierAt < this.config.FRESHNESS_BARRIER_TIMEOUT_MS) {
        cut = messages.indexOf(a.message);
        break;
      }
      confirmed.set(a.message, reached);
    }
    const head = messages.slice(0, cut);
    // Domain events first, so the positions stamped below cover every one published before.
    await this.kafka.publish(head.filter((m) => !confirmed.has(m)));
    const stamped = announcements.filter((a) => confirmed.has(a.message));
    if (stamped.length > 0) {
      const domainEvents = await this.positions.endOffsets(Topics.domainEvents);
      await this.kafka.publish(stamped.map((a) => stamp(a, confirmed.get(a.message) === true, domainEvents)));
      this.count(stamped.map((a) => confirmed.get(a.message) === true));
    }
    return cut;
  }

  private count(confirmations: boolean[]): void {
    const counter = this.metrics.counter(
      'loanmesh_applications_announced_total',
      'Applications announced to the graph, by whether ingestion confirmed its freshness barrier',
      ['barrier'],
    );
    for (const ok of confirmations) {
      counter.inc({ barrier: ok ? 'confirmed' : 'timed-out' });
    }
    const timedOut = confirmations.filter((ok) => !ok).length;
    if (timedOut > 0) {
      this.logger.warn({ msg: 'applications announced unconfirmed: ingestion had not caught up', timedOut });
    }
  }
}

function parse(message: RelayedMessage): Announcement {
  return { message, payload: JSON.parse(message.payload) as Announcement['payload'] };
}

function stamp(a: Announcement, confirmed: boolean, domainEvents: Freshness['domainEvents']): RelayedMessage {
  const f = a.payload.payload.freshness;
  if (f) {
    f.confirmed = confirmed;
    f.domainEvents = domainEvents;
  }
  return { ...a.message, payload: JSON.stringify(a.payload) };
}
