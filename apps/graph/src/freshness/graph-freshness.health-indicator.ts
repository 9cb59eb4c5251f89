import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';
import type { HealthIndicator } from '@loanmesh/observability';

import type { GraphConfig } from '../config/graph.config';
import { GraphLagMonitor } from './graph-lag.monitor';

/** Not ready while the graph lags ingestion past a bound: its features would all be degraded. */
@Injectable()
export class GraphFreshnessHealthIndicator implements HealthIndicator {
  readonly name = 'graph-freshness';

  constructor(
    private readonly monitor: GraphLagMonitor,
    @Inject(APP_CONFIG) private readonly config: Pick<GraphConfig, 'GRAPH_MAX_LAG_EVENTS' | 'GRAPH_MAX_LAG_SECONDS'>,
  ) {}

  check(): Promise<void> {
    const { events, seconds } = this.monitor.lag;
    if (events > this.config.GRAPH_MAX_LAG_EVENTS || seconds > this.config.GRAPH_MAX_LAG_SECONDS) {
      return Promise.reject(new Error(`graph lags ingestion by ${events} events and ${Math.round(seconds)} s`));
    }
    return Promise.resolve();
  }
}
