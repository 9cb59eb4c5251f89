import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';
import { Topics, type TopicPositions } from '@loanmesh/contracts';
import { positionsReached, TopicPositionsService } from '@loanmesh/kafka';
import { GracefulShutdownService, MetricsService } from '@loanmesh/observability';

import type { GraphConfig } from '../config/graph.config';
import { GraphFreshnessTracker } from './graph-freshness.tracker';

/** Samples kept to date the oldest unapplied position; older ones are reached or past any bound. */
const MAX_SAMPLES = 3600;

export interface GraphLag {
  events: number;
  seconds: number;
}

/**
 * Measures how far the graph lags the domain-event topic: events (topic end minus applied,
 * summed over partitions) and seconds (age of the oldest topic end it sampled and has not
 * applied yet, to within one sample interval). Seeds the tracker from the writer group's
 * committed offsets at start, and follows them when this replica runs no writer.
 */
@Injectable()
export class GraphLagMonitor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(GraphLagMonitor.name);
  private readonly samples: { at: number; end: TopicPositions }[] = [];
  private timer?: NodeJS.Timeout;
  private current: GraphLag = { events: 0, seconds: 0 };

  constructor(
    private readonly tracker: GraphFreshnessTracker,
    private readonly positions: TopicPositionsService,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG)
    private readonly config: Pick<
      GraphConfig,
      'GRAPH_WRITER_GROUP_ID' | 'GRAPH_WRITER_ENABLED' | 'GRAPH_LAG_SAMPLE_MS' | 'KAFKA_FROM_BEGINNING'
    >,
    shutdown: GracefulShutdownService,
  ) {
    shutdown.register('stop-work', 'graph lag monitor', () => this.onModuleDestroy());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.followCommitted();
    if (!this.config.KAFKA_FROM_BEGINNING) {
      // A new writer group then starts at the topic's end (tests and benchmarks on a shared
      // broker): what was there before is not for this graph, so it counts as applied.
      const committed = this.tracker.positions();
      const end = await this.positions.endOffsets(Topics.domainEvents);
      this.tracker.advance(Object.fromEntries(Object.entries(end).filter(([p]) => committed[p] === undefined)));
    }
    this.timer = setInterval(() => void this.sample(), this.config.GRAPH_LAG_SAMPLE_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  get lag(): GraphLag {
    return this.current;
  }

  /** One measurement; exposed so tests need not wait for the timer. */
  async sample(): Promise<GraphLag> {
    try {
      if (!this.config.GRAPH_WRITER_ENABLED) {
        await this.followCommitted();
      }
      const end = await this.positions.endOffsets(Topics.domainEvents);
      const now = Date.now();
      this.samples.push({ at: now, end });
      const applied = this.tracker.positions();
      while (this.samples.length > 0 && positionsReached(this.samples[0].end, applied)) {
        this.samples.shift();
      }
      this.samples.splice(0, Math.max(0, this.samples.length - MAX_SAMPLES));
      const events = Object.entries(end).reduce((n, [p, o]) => n + Math.max(0, o - (applied[p] ?? 0)), 0);
      const oldest = this.samples[0];
      this.current = { events, seconds: oldest && events > 0 ? (now - oldest.at) / 1000 : 0 };
      this.metrics
        .gauge('loanmesh_graph_lag_events', 'Domain events published but not yet applied to the graph')
        .set(events);
      this.metrics
        .gauge('loanmesh_graph_lag_seconds', 'Age of the oldest domain-event position the graph has not applied')
        .set(this.current.seconds);
    } catch (e) {
      this.logger.warn({ msg: 'graph lag sample failed', error: e instanceof Error ? e.message : String(e) });
    }
    return this.current;
  }

  private async followCommitted(): Promise<void> {
    const committed = await this.positions.committedOffsets(this.config.GRAPH_WRITER_GROUP_ID, Topics.domainEvents);
    this.tracker.advance(committed);
  }
}
