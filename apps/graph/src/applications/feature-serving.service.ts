import { Inject, Injectable, Logger } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';
import { Topics, type ApplicationReceivedEvent } from '@loanmesh/contracts';
import { KafkaProducerService } from '@loanmesh/kafka';
import { ConcurrencyLimiter, MetricsService, withTimeout } from '@loanmesh/observability';

import type { GraphConfig } from '../config/graph.config';
import { describeBehind, GraphFreshnessTracker } from '../freshness/graph-freshness.tracker';
import { FEATURE_VERSION, GraphFeaturesService } from '../graph-features/graph-features.service';
import { featuresComputedEvent, type FeatureOutcome } from './features-computed.factory';

/**
 * Computes an application's graph features within a deadline and publishes them; when
 * Neo4j does not answer in time the result is DEGRADED with the reason, so downstream
 * can fall back instead of stalling.
 */
@Injectable()
export class FeatureServingService {
  private readonly logger = new Logger(FeatureServingService.name);

  private readonly pool: ConcurrencyLimiter;

  constructor(
    private readonly features: GraphFeaturesService,
    private readonly producer: KafkaProducerService,
    private readonly metrics: MetricsService,
    private readonly freshness: GraphFreshnessTracker,
    @Inject(APP_CONFIG)
    private readonly config: Pick<
      GraphConfig,
      'GRAPH_FEATURE_DEADLINE_MS' | 'GRAPH_FEATURE_WORKERS' | 'GRAPH_SERVE_COMPANY_PREFIX'
    >,
  ) {
    this.pool = new ConcurrencyLimiter(config.GRAPH_FEATURE_WORKERS);
  }

  async serve(received: ApplicationReceivedEvent): Promise<'processed' | 'skipped'> {
    if (!received.payload.application.companyId.startsWith(this.config.GRAPH_SERVE_COMPANY_PREFIX)) {
      return 'skipped';
    }
    const started = performance.now();
    const outcome = await this.compute(received);
    const ms = performance.now() - started;
    const event = featuresComputedEvent(received, outcome, FEATURE_VERSION, ms, new Date());
    await this.producer.publish(Topics.graphFeaturesComputed, [
      { key: received.payload.application.companyId, value: event },
    ]);
    this.metrics
      .histogram(
        'loanmesh_graph_features_ms',
        'Graph feature computation time',
        ['status'],
        [5, 10, 25, 50, 100, 250, 500, 1000],
      )
      .observe({ status: outcome.status }, ms);
    this.logger.log({
      msg: 'features published',
      applicationId: received.payload.application.applicationId,
      status: outcome.status,
      ms: Math.round(ms),
    });
    return 'processed';
  }

  private async compute(received: ApplicationReceivedEvent): Promise<FeatureOutcome> {
    const { application, company } = received.payload;
    const arrived = performance.now();
    const stale = await this.staleness(received, this.config.GRAPH_FEATURE_DEADLINE_MS);
    if (stale) {
      this.metrics
        .counter('loanmesh_graph_features_stale_total', 'Applications degraded because the graph was not fresh enough')
        .inc();
      this.logger.warn({ msg: 'degraded', applicationId: application.applicationId, reason: stale });
      return { status: 'DEGRADED', reason: stale };
    }
    const profile = {
      registeredAt: company.registeredAt,
      registeredCapital: company.registeredCapital,
      employees: company.employees,
      annualRevenue: company.annualRevenue,
    };
    // The deadline counts from arrival, so waiting for freshness and for a worker count too.
    const deadline = Math.max(1, this.config.GRAPH_FEATURE_DEADLINE_MS - (performance.now() - arrived));
    const started = performance.now();
    const task = this.pool.run(() => {
      const left = deadline - (performance.now() - started);
      return left <= 0
        ? Promise.reject(new Error('deadline passed while queued'))
        : this.features.compute(application.companyId, application.submittedAt, profile, left);
    });
    try {
      const result = await withTimeout(task, deadline, 'neo4j');
      return { status: 'OK', graph: result.features, explanations: result.explanations };
    } catch (e) {
      const reason = `graph features unavailable: ${e instanceof Error ? e.message : String(e)}`.slice(0, 300);
      this.logger.warn({ msg: 'degraded', applicationId: application.applicationId, reason });
      return { status: 'DEGRADED', reason };
    }
  }

  /**
   * The freshness contract: features only from a graph that has applied every domain event
   * ingestion published before the application; the reason it cannot, else undefined.
   */
  private async staleness(received: ApplicationReceivedEvent, deadlineMs: number): Promise<string | undefined> {
    const f = received.payload.freshness;
    if (!f?.domainEvents) {
      return 'graph freshness unknown: the application carries no domain-event positions';
    }
    if (f.confirmed !== true) {
      return 'graph freshness unconfirmed: ingestion had not accepted everything core banking sent before the application';
    }
    const reached = await this.freshness.waitFor(f.domainEvents, deadlineMs);
    return reached
      ? undefined
      : `graph lags ingestion: ${describeBehind(f.domainEvents, this.freshness.positions())}`.slice(0, 300);
  }
}
