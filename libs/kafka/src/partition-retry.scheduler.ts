import { Logger } from '@nestjs/common';
import type { Consumer } from 'kafkajs';

import { type ConsumerMonitor, errorMessage } from '@loanmesh/observability';

/** Capped exponential backoff of a partition whose records failed for an unavailable dependency. */
export interface RetryBackoff {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY_BACKOFF: RetryBackoff = { initialMs: 200, maxMs: 30_000 };

/** The backoff a service configured (KAFKA_RETRY_INITIAL_MS, KAFKA_RETRY_MAX_MS). */
export function retryBackoffOf(config: { KAFKA_RETRY_INITIAL_MS: number; KAFKA_RETRY_MAX_MS: number }): RetryBackoff {
  return {
    initialMs: config.KAFKA_RETRY_INITIAL_MS,
    maxMs: Math.max(config.KAFKA_RETRY_MAX_MS, config.KAFKA_RETRY_INITIAL_MS),
  };
}

/** Delay before attempt `attempt + 1`, after `attempt` consecutive failures (1-based). */
export function backoffDelay(backoff: RetryBackoff, attempt: number): number {
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(attempt - 1, 30));
}

/**
 * Retries a partition's records without ever failing the consumer: the batch handler keeps
 * the offsets it resolved, pauses the partition (KafkaJS stops fetching it, other
 * partitions keep flowing) and returns; after the backoff the partition resumes and KafkaJS
 * fetches it again from the first unresolved offset, so nothing is skipped (at-least-once).
 * Waiting inside the handler instead would hold the fetcher, which waits for every
 * partition's batch of a fetch before fetching again: all partitions would stall.
 */
export class PartitionRetryScheduler {
  private readonly logger = new Logger(PartitionRetryScheduler.name);
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly monitor: ConsumerMonitor,
    private readonly backoff: RetryBackoff = DEFAULT_RETRY_BACKOFF,
  ) {}

  /** `pause` pauses the partition and returns the function that resumes it (KafkaJS `payload.pause`). */
  retryLater(topic: string, partition: number, error: unknown, pause: () => () => void): void {
    const delay = backoffDelay(this.backoff, this.monitor.attemptsOf(topic, partition) + 1);
    const entry = this.monitor.backingOff(topic, partition, errorMessage(error), delay);
    const resume = pause();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      resume();
    }, delay);
    this.timers.add(timer);
    this.logger.warn({
      msg: 'partition paused for retry',
      consumer: this.monitor.name,
      topic,
      partition,
      attempt: entry.attempts,
      retryInMs: delay,
      error: entry.error,
    });
  }

  /** A chunk of the partition went through: it flows again. */
  succeeded(topic: string, partition: number): void {
    if (this.monitor.attemptsOf(topic, partition) > 0) {
      this.logger.log({ msg: 'partition recovered', consumer: this.monitor.name, topic, partition });
    }
    this.monitor.recovered(topic, partition);
  }

  stop(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.clear();
  }
}

/**
 * Reports a KafkaJS consumer's lifecycle to its monitor: a crash KafkaJS does not restart
 * from, or a stop nobody asked for, leaves the consumer failed (liveness then fails).
 * KafkaJS emits STOP before CRASH when it crashes; a restarting crash revives the state.
 */
export function superviseConsumer(consumer: Consumer, monitor: ConsumerMonitor, closing: () => boolean): void {
  consumer.on(consumer.events.GROUP_JOIN, (e) => {
    monitor.running();
    const assigned = e.payload.memberAssignment;
    monitor.keepOnly((topic, partition) => (assigned[topic] ?? []).includes(partition));
  });
  consumer.on(consumer.events.CRASH, (e) => monitor.crashed(errorMessage(e.payload.error), e.payload.restart));
  consumer.on(consumer.events.STOP, () => {
    if (closing()) {
      monitor.closed();
    } else {
      monitor.fail('consumer stopped without a shutdown');
    }
  });
}
