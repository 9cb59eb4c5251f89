import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';
import { Topics, type TopicPositions } from '@loanmesh/contracts';
import { positionsReached, TopicPositionsService } from '@loanmesh/kafka';
import { GracefulShutdownService, MetricsService } from '@loanmesh/observability';

import type { GraphConfig } from '../config/graph.config';
import { GraphFreshnessTracker } from './graph-freshness.tracker';
import { GraphStartPositions } from './graph-start-positions.service';

/** Samples kept to date the oldest unapplied position; older ones are reached or past any bound. */
const MAX_SAMPLES = 3600;

export interface GraphLag {
  events: number;
  seconds: number;
}

/**
 * Measures how far the graph lags the domain-event topic: events (topic end minus applied,
 * summed over partitions) and seconds (age of the oldest topic end it sampled and has not
 * applied yet, to within one sample interval). Seeds the tracker from the positions the
 * view started at; the writer and the view follower advance it (a replica with neither
 * follows the writer group's committed offsets).
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
    private readonly start: GraphStartPositions,
    @Inject(APP_CONFIG)
    private readonly config: Pick<
      GraphConfig,
      'GRAPH_WRITER_GROUP_ID' | 'GRAPH_WRITER_ENABLED' | 'GRAPH_VIEW_FOLLOW_ENABLED' | 'GRAPH_LAG_SAMPLE_MS'
    >,
    shutdown: GracefulShutdownService,
  ) {
    shutdown.register('stop-work', 'graph lag monitor', () => this.onModuleDestroy());
  }

  async onApplicationBootstrap(): Promise<void> {
    this.tracker.advance(await this.start.capture());
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
      if (!this.config.GRAPH_WRITER_ENABLED && !this.config.GRAPH_VIEW_FOLLOW_ENABLED) {
        // Neither writes nor refreshes the view: Neo4j is as far as the writer group.
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
