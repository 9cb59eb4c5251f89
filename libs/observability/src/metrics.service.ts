import { Injectable } from '@nestjs/common';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Owns the Prometheus registry of one service; features ask it for their instruments. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly counters = new Map<string, Counter>();
  private readonly histograms = new Map<string, Histogram>();
  private readonly gauges = new Map<string, Gauge>();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  counter(name: string, help: string, labelNames: string[] = []): Counter {
    return this.getOrCreate(
      this.counters,
      name,
      () => new Counter({ name, help, labelNames, registers: [this.registry] }),
    );
  }

  histogram(name: string, help: string, labelNames: string[] = [], buckets?: number[]): Histogram {
    return this.getOrCreate(
      this.histograms,
      name,
      () => new Histogram({ name, help, labelNames, registers: [this.registry], ...(buckets ? { buckets } : {}) }),
    );
  }

  gauge(name: string, help: string, labelNames: string[] = []): Gauge {
    return this.getOrCreate(this.gauges, name, () => new Gauge({ name, help, labelNames, registers: [this.registry] }));
  }

  private getOrCreate<T>(map: Map<string, T>, name: string, create: () => T): T {
    let metric = map.get(name);
    if (!metric) {
      metric = create();
      map.set(name, metric);
    }
    return metric;
  }
}
