import { SetMetadata } from '@nestjs/common';

/**
 * How a route outside the service API is reached: `probe` (liveness/readiness, open to the
 * orchestrator) or `metrics` (the scrape: a metrics token or a service credential). Read by
 * the service-credential guard; routes without it need a service credential.
 */
export type RouteAccess = 'probe' | 'metrics';
export const ROUTE_ACCESS_KEY = 'loanmesh:route-access';
export const RouteAccessOf = (access: RouteAccess): MethodDecorator & ClassDecorator =>
  SetMetadata(ROUTE_ACCESS_KEY, access);
