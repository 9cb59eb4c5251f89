import { Reflector } from '@nestjs/core';

import { apiDocsEnabledOf } from '@loanmesh/config';
import {
  type ApiDocsOptions,
  type ApiRoute,
  type ApiRouteAccess,
  ROUTE_ACCESS_KEY,
  type RouteAccess,
} from '@loanmesh/observability';
import { SERVICE_AUTH_SECURITY_SCHEMES, serviceRouteAccessOf } from '@loanmesh/service-auth';

import { roleRuleOf } from '../auth/roles.guard';
import type { ReviewConfig } from '../config/review.config';

const reflector = new Reflector();

/** Who may call a review route: the roles `RolesGuard` admits, read from the same `@Roles`/`@Public`. */
export function reviewRouteAccessOf(route: ApiRoute): ApiRouteAccess {
  const access = reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS_KEY, [
    route.handler,
    route.controller,
  ]);
  if (access === 'metrics') {
    return serviceRouteAccessOf(route);
  }
  const rule = roleRuleOf(reflector, route.handler, route.controller);
  if (rule === 'public') {
    return { security: [] };
  }
  // No rule: the guard refuses everyone, and the document says so with an empty role list.
  return { security: ['bearer'], roles: rule ?? [] };
}

/** The review service's API: the console's backend. */
export const reviewApiDocs = (config: ReviewConfig): ApiDocsOptions => ({
  title: 'LoanMesh review',
  description:
    "The review console's API: cases, four-eyes decisions, policies, models, audit and dashboards. " +
    'Sign in with `POST /auth/login` (or single sign-on) and send the access token as ' +
    '`Authorization: Bearer <token>`; each operation lists the roles it admits in `x-roles`. ' +
    'Errors answer `{ code, message, correlationId }`.',
  enabled: apiDocsEnabledOf(config),
  securitySchemes: {
    bearer: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'The access token of a console session (HS256, short-lived; `POST /auth/refresh`).',
    },
    metricsToken: SERVICE_AUTH_SECURITY_SCHEMES.metricsToken,
    serviceCredential: SERVICE_AUTH_SECURITY_SCHEMES.serviceCredential,
  },
  accessOf: reviewRouteAccessOf,
});
