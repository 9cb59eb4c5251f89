import { Injectable } from '@nestjs/common';

import { MetricsService } from '@loanmesh/observability';

const LATENCY_BUCKETS = [0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1];

/** The inference service's instruments: latency, scores by model version, degraded results. */
@Injectable()
export class ScoringMetrics {
  constructor(private readonly metrics: MetricsService) {}

  observeLatency(role: 'champion' | 'challenger', seconds: number): void {
    this.metrics
      .histogram('loanmesh_inference_scoring_seconds', 'Time to score one application', ['role'], LATENCY_BUCKETS)
      .observe({ role }, seconds);
  }

  countScore(role: 'champion' | 'challenger', modelVersion: string): void {
    this.metrics
      .counter('loanmesh_inference_scores_total', 'Applications scored, by model version', ['role', 'model_version'])
      .inc({ role, model_version: modelVersion });
  }

  countDegraded(reason: string): void {
    this.metrics
      .counter('loanmesh_inference_degraded_total', 'Results marked degraded, by reason', ['reason'])
      .inc({ reason });
  }

  countChallengerFailure(): void {
    this.metrics.counter('loanmesh_inference_challenger_failures_total', 'Shadow scores that failed').inc();
  }

  countHandover(kind: string): void {
    this.metrics
      .counter('loanmesh_inference_standby_handovers_total', 'Champion handovers to the standby, by cause', ['cause'])
      .inc({ cause: kind });
  }

  countStandbyScore(): void {
    this.metrics.counter('loanmesh_inference_standby_scores_total', 'Applications scored by the standby').inc();
  }
}
