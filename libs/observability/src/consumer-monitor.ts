/** A partition whose records failed for an unavailable dependency and wait for the retry. */
export interface PartitionBackoff {
  topic: string;
  partition: number;
  /** Consecutive failed attempts. */
  attempts: number;
  /** When the first of them failed (epoch ms). */
  since: number;
  /** When it is fetched again (epoch ms). */
  retryAt: number;
  error: string;
}

/** A unit of a consumer's work (one transaction's worth of records): readiness and `/metrics` show one that takes too long. */
export interface WorkInFlight {
  topic: string;
  partition: number;
  /** When the work started (epoch ms). */
  since: number;
}

/**
 * A batch still in flight after this long is stalled: a dependency that accepts connections but
 * does not answer (a frozen database host, a network partition) raises no error, so without
 * this the consumer would wait silently with readiness up.
 */
export const STALLED_AFTER_MS = 15_000;

/**
 * `running`: consuming (or rejoining after a crash KafkaJS restarts from); `failed`: the
 * consumer stopped for good without being asked to (a crash without restart, or a stop not
 * requested by shutdown); `closed`: shut down on purpose.
 */
export type ConsumerState = 'starting' | 'running' | 'failed' | 'closed';

/**
 * What a Kafka consumer reports about itself, read by liveness (a failed consumer makes the
 * process restartable), readiness (a partition in backoff: a dependency is unavailable) and
 * `/metrics`. Framework-free: the transports own one each and register it with the app's
 * `ConsumerHealthRegistry`.
 */
export class ConsumerMonitor {
  private current: ConsumerState = 'starting';
  private failure: string | undefined;
  private readonly backoffs = new Map<string, PartitionBackoff>();
  private readonly work = new Set<WorkInFlight>();
  /** Crash events seen (restarted or not). */
  crashes = 0;
  /** Partition pauses for a retry, in total. */
  retries = 0;

  constructor(readonly name: string) {}

  get state(): ConsumerState {
    return this.current;
  }

  /** Why the consumer failed, when it did. */
  get failureReason(): string | undefined {
    return this.failure;
  }

  running(): void {
    if (this.current !== 'closed') {
      this.current = 'running';
    }
  }

  crashed(error: string, restarting: boolean): void {
    this.crashes++;
    if (this.current === 'closed') {
      return;
    }
    if (restarting) {
      this.current = 'starting';
      this.failure = undefined;
    } else {
      this.fail(`crashed: ${error}`);
    }
  }

  fail(reason: string): void {
    this.current = 'failed';
    this.failure = reason;
  }

  closed(): void {
    this.current = 'closed';
    this.backoffs.clear();
  }

  /** A partition's records failed transiently: paused until `delayMs` from now. */
  backingOff(topic: string, partition: number, error: string, delayMs: number): PartitionBackoff {
    const key = `${topic}/${partition}`;
    const now = Date.now();
    const previous = this.backoffs.get(key);
    const entry: PartitionBackoff = {
      topic,
      partition,
      attempts: (previous?.attempts ?? 0) + 1,
      since: previous?.since ?? now,
      retryAt: now + delayMs,
      error,
    };
    this.backoffs.set(key, entry);
    this.retries++;
    return entry;
  }

  /** The partition's records went through again. */
  recovered(topic: string, partition: number): void {
    this.backoffs.delete(`${topic}/${partition}`);
  }

  /** Consecutive failed attempts of a partition so far (0 when it is flowing). */
  attemptsOf(topic: string, partition: number): number {
    return this.backoffs.get(`${topic}/${partition}`)?.attempts ?? 0;
  }

  /** Forgets partitions no longer assigned to this consumer (after a rebalance). */
  keepOnly(assigned: (topic: string, partition: number) => boolean): void {
    for (const [key, b] of this.backoffs) {
      if (!assigned(b.topic, b.partition)) {
        this.backoffs.delete(key);
      }
    }
  }

  partitionsInBackoff(): PartitionBackoff[] {
    return [...this.backoffs.values()];
  }

  /**
   * Runs one unit of a partition's work (a chunk written in one transaction, not a whole
   * fetched batch, which may rightly take minutes in a backlog), tracked while in flight; `onStalled` is called once if it is
   * still running after `stalledAfterMs` (to log it: nothing else would).
   */
  async track<T>(
    topic: string,
    partition: number,
    run: () => Promise<T>,
    onStalled: (w: WorkInFlight) => void,
    stalledAfterMs = STALLED_AFTER_MS,
  ): Promise<T> {
    const entry: WorkInFlight = { topic, partition, since: Date.now() };
    this.work.add(entry);
    const timer = setTimeout(() => onStalled(entry), stalledAfterMs);
    timer.unref();
    try {
      return await run();
    } finally {
      clearTimeout(timer);
      this.work.delete(entry);
    }
  }

  /** Batches running for longer than `afterMs`, oldest first. */
  stalled(afterMs = STALLED_AFTER_MS, now = Date.now()): WorkInFlight[] {
    return [...this.work].filter((w) => now - w.since >= afterMs).sort((a, b) => a.since - b.since);
  }

  /** Age (s) of the oldest batch in flight, 0 when idle. */
  oldestWorkSeconds(now = Date.now()): number {
    const oldest = Math.min(...[...this.work].map((w) => w.since));
    return Number.isFinite(oldest) ? (now - oldest) / 1000 : 0;
  }
}

/** The warning a transport logs for a stalled batch. */
export function stalledWorkWarning(consumer: string, w: WorkInFlight): string {
  return (
    `${consumer}: a chunk of ${w.topic}[${w.partition}] still in flight after ` +
    `${Math.round((Date.now() - w.since) / 1000)} s: a dependency accepts but does not answer; readiness is down until it completes`
  );
}

/** A transport that reports through a monitor (see KafkaBatchServer). */
export interface MonitoredConsumer {
  readonly monitor: ConsumerMonitor;
}

export function isMonitoredConsumer(x: unknown): x is MonitoredConsumer {
  return typeof x === 'object' && x !== null && (x as Partial<MonitoredConsumer>).monitor instanceof ConsumerMonitor;
}
