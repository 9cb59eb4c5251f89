import { Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';

import { ConsumerMonitor, isMonitoredConsumer } from './consumer-monitor';
import { MetricsService } from './metrics.service';

/**
 * The app's Kafka consumers, as their monitors report them: liveness fails while one has
 * failed for good, readiness while a partition waits out a retry, and `/metrics` shows both.
 */
@Injectable()
export class ConsumerHealthRegistry {
  private readonly monitors = new Map<string, ConsumerMonitor>();

  constructor(metrics: MetricsService) {
    const all = (): ConsumerMonitor[] => [...this.monitors.values()];
    new Gauge({
      name: 'loanmesh_kafka_partitions_paused',
      help: 'Partitions paused while a dependency is unavailable (retry with backoff)',
      labelNames: ['consumer'],
      registers: [metrics.registry],
      collect() {
        this.reset();
        all().forEach((m) => this.set({ consumer: m.name }, m.partitionsInBackoff().length));
      },
    });
    new Gauge({
      name: 'loanmesh_kafka_oldest_chunk_seconds',
      help: 'Age of the oldest chunk (one transaction of records) each consumer is still working on (a stalled dependency shows here first)',
      labelNames: ['consumer'],
      registers: [metrics.registry],
      collect() {
        this.reset();
        all().forEach((m) => this.set({ consumer: m.name }, m.oldestWorkSeconds()));
      },
    });
    new Gauge({
      name: 'loanmesh_kafka_consumer_state',
      help: 'State of each Kafka consumer (1 on its current state: starting, running, failed, closed)',
      labelNames: ['consumer', 'state'],
      registers: [metrics.registry],
      collect() {
        this.reset();
        all().forEach((m) => this.set({ consumer: m.name, state: m.state }, 1));
      },
    });
    new Counter({
      name: 'loanmesh_kafka_consumer_crashes_total',
      help: 'KafkaJS consumer crash events (restarted or not)',
      labelNames: ['consumer'],
      registers: [metrics.registry],
      collect() {
        this.reset();
        all().forEach((m) => this.inc({ consumer: m.name }, m.crashes));
      },
    });
    new Counter({
      name: 'loanmesh_kafka_partition_retries_total',
      help: 'Times a partition was paused to retry its records after a transient failure',
      labelNames: ['consumer'],
      registers: [metrics.registry],
      collect() {
        this.reset();
        all().forEach((m) => this.inc({ consumer: m.name }, m.retries));
      },
    });
  }

  register(monitor: ConsumerMonitor): void {
    this.monitors.set(monitor.name, monitor);
  }

  /** Registers the monitor of a transport strategy (a Nest `CustomStrategy`), if it has one. */
  registerStrategy(options: unknown): void {
    const strategy = (options as { strategy?: unknown } | undefined)?.strategy;
    if (isMonitoredConsumer(strategy)) {
      this.register(strategy.monitor);
    }
  }

  list(): ConsumerMonitor[] {
    return [...this.monitors.values()];
  }

  /** Consumers that stopped for good without being asked to: the process must be restarted. */
  failed(): ConsumerMonitor[] {
    return this.list().filter((m) => m.state === 'failed');
  }
}
