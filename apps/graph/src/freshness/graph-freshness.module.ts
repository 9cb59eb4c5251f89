import { Global, Module } from '@nestjs/common';

import { GraphFreshnessHealthIndicator } from './graph-freshness.health-indicator';
import { GraphFreshnessTracker } from './graph-freshness.tracker';
import { GraphLagMonitor } from './graph-lag.monitor';
import { GraphStartPositions } from './graph-start-positions.service';

/** The graph's half of the freshness contract; global so readiness and the writer reach it. */
@Global()
@Module({
  providers: [GraphFreshnessTracker, GraphLagMonitor, GraphFreshnessHealthIndicator, GraphStartPositions],
  exports: [GraphFreshnessTracker, GraphLagMonitor, GraphFreshnessHealthIndicator, GraphStartPositions],
})
export class GraphFreshnessModule {}
