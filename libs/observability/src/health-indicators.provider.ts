import type { Provider, Type } from '@nestjs/common';

import { HEALTH_INDICATORS, type HealthIndicator } from './health-indicator';

/** Readiness of a service = all of these indicators answering. */
export function healthIndicatorsProvider(...indicators: Type<HealthIndicator>[]): Provider {
  return {
    provide: HEALTH_INDICATORS,
    useFactory: (...instances: HealthIndicator[]) => instances,
    inject: indicators,
  };
}
