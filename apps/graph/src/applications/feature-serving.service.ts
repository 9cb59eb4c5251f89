import { Inject, Injectable, Logger } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';
import { Topics, type ApplicationReceivedEvent } from '@loanmesh/contracts';
import { KafkaProducerService } from '@loanmesh/kafka';
import { MetricsService, withTimeout } from '@loanmesh/observability';

import type { GraphConfig } from '../config/graph.config';
import { FEATURE_VERSION, GraphFeaturesService } from '../graph-features/graph-features.service';
import { FeatureWorkerPool } from './feature-worker.pool';
import { featuresComputedEvent, type FeatureOutcome } from './features-computed.factory';

/**
 * Computes an application's graph features within a deadline and publishes them; when
 * Neo4j does not answer in time the result is DEGRADED with the reason, so downstream
 * can fall back instead of stalling.
 */
@Injectable()
export class FeatureServingService {
  private readonly logger = new Logger(FeatureServingService.name);

  private readonly pool: FeatureWorkerPool;

  constructor(
    private readonly features: GraphFeaturesService,
    private readonly producer: KafkaProducerService,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG)
    private readonly config: Pick<
      GraphConfig,
      'GRAPH_FEATURE_DEADLINE_MS' | 'GRAPH_FEATURE_WORKERS' | 'GRAPH_SERVE_COMPANY_PREFIX'
    >,
  ) {
    this.pool = new FeatureWorkerPool(config.GRAPH_FEATURE_WORKERS);
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
    const deadline = this.config.GRAPH_FEATURE_DEADLINE_MS;
    const profile = {
      registeredAt: company.registeredAt,
      registeredCapital: company.registeredCapital,
      employees: company.employees,
      annualRevenue: company.annualRevenue,
    };
    const started = performance.now();
    // The deadline counts from arrival, so time spent queued for a worker counts too.
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
}
