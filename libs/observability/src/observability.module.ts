import { type DynamicModule, Global, Module, type Type } from '@nestjs/common';

import type { HealthIndicator } from './health-indicator';
import { healthIndicatorsProvider } from './health-indicators.provider';
import { ConsumerHealthRegistry } from './consumer-health.registry';
import { HealthController } from './health.controller';
import { MetricsService } from './metrics.service';
import { GracefulShutdownService } from './shutdown/graceful-shutdown.service';

/**
 * Metrics and health endpoints, and the shutdown state. Readiness = not shutting down and
 * every given indicator answering; the indicators come from the global Kafka, Neo4j and
 * database modules.
 */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(...indicators: Type<HealthIndicator>[]): DynamicModule {
    return {
      module: ObservabilityModule,
      controllers: [HealthController],
      providers: [
        MetricsService,
        ConsumerHealthRegistry,
        GracefulShutdownService,
        healthIndicatorsProvider(...indicators),
      ],
      exports: [MetricsService, ConsumerHealthRegistry, GracefulShutdownService],
    };
  }
}
