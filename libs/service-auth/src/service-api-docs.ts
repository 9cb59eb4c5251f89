import { Reflector } from '@nestjs/core';

import {
  type ApiDocsOptions,
  type ApiRoute,
  type ApiRouteAccess,
  ROUTE_ACCESS_KEY,
  type RouteAccess,
} from '@loanmesh/observability';

import { SERVICE_CALLERS_KEY } from './service-callers.decorator';
import { SERVICE_CREDENTIAL_HEADER } from './service-credential';

const reflector = new Reflector();

/** The schemes of `ServiceAuthGuard`: a service credential (Ed25519 JWS), or the scrape's metrics token. */
export const SERVICE_AUTH_SECURITY_SCHEMES: ApiDocsOptions['securitySchemes'] = {
  serviceCredential: {
    type: 'apiKey',
    in: 'header',
    name: SERVICE_CREDENTIAL_HEADER,
    description: 'A short-lived Ed25519 service credential (JWS) addressed to this service (`npm run service-token`).',
  },
  metricsToken: { type: 'http', scheme: 'bearer', description: 'The metrics token (`/metrics` only).' },
};

/** Who may call a route under `ServiceAuthGuard`, from the same metadata the guard reads. */
export function serviceRouteAccessOf(route: ApiRoute): ApiRouteAccess {
  const targets = [route.handler, route.controller];
  const access = reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS_KEY, targets);
  if (access === 'probe') {
    return { security: [] };
  }
  if (access === 'metrics') {
    return { security: ['serviceCredential', 'metricsToken'] };
  }
  const callers = reflector.getAllAndOverride<string[] | undefined>(SERVICE_CALLERS_KEY, targets);
  return { security: ['serviceCredential'], ...(callers ? { callers } : {}) };
}

/** The API description of a service whose every route is behind `ServiceAuthGuard` (graph, inference, ingestion). */
export function serviceApiDocs(o: { title: string; description: string; enabled: boolean }): ApiDocsOptions {
  return { ...o, securitySchemes: SERVICE_AUTH_SECURITY_SCHEMES, accessOf: serviceRouteAccessOf };
}
