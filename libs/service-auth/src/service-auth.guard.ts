import { createHash, timingSafeEqual } from 'node:crypto';

import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

import { ROUTE_ACCESS_KEY, type RouteAccess } from '@loanmesh/observability';

import { SERVICE_CREDENTIAL_HEADER } from './service-credential';
import { ServiceAuthException } from './service-auth.exception';
import { SERVICE_AUTH_OPTIONS, type ServiceAuthGuardOptions } from './service-auth.tokens';
import { type RequestWithServiceCaller, SERVICE_CALLERS_KEY } from './service-callers.decorator';
import { ServiceCredentialVerifier } from './service-credential.verifier';

/**
 * The one gate of graph, inference and ingestion (and of `/metrics` on review): every HTTP
 * route needs a valid service credential addressed to this service, except the probes; the
 * scrape also takes the metrics token; `@ServiceCallers` narrows the issuers. Fails closed.
 */
@Injectable()
export class ServiceAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: ServiceCredentialVerifier,
    @Inject(SERVICE_AUTH_OPTIONS) private readonly options: ServiceAuthGuardOptions,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') {
      return true;
    }
    const targets = [context.getHandler(), context.getClass()];
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS_KEY, targets);
    if (access === 'probe') {
      return true;
    }
    const request = context.switchToHttp().getRequest<Request & RequestWithServiceCaller>();
    if (access === 'metrics' && this.isMetricsToken(request)) {
      return true;
    }
    if (access !== 'metrics' && this.options.scope === 'metrics') {
      // Review: its own user guard protects its API; this guard only keeps the scrape closed.
      return true;
    }
    const token = credentialOf(request);
    if (token === undefined) {
      throw new ServiceAuthException(
        'SERVICE_CREDENTIAL_MISSING',
        `a service credential is required (header ${SERVICE_CREDENTIAL_HEADER})`,
      );
    }
    const claims = this.verifier.verify(token);
    const callers = this.reflector.getAllAndOverride<string[] | undefined>(SERVICE_CALLERS_KEY, targets);
    if (callers && !callers.includes(claims.iss)) {
      throw new ServiceAuthException('SERVICE_CALLER_FORBIDDEN', `the ${claims.iss} service may not call this route`);
    }
    request.serviceCaller = claims;
    return true;
  }

  private isMetricsToken(request: Request): boolean {
    const expected = this.options.metricsToken;
    const header = request.headers.authorization;
    if (expected === undefined || typeof header !== 'string' || !header.startsWith('Bearer ')) {
      return false;
    }
    // Equal-length digests: the comparison takes as long whatever the token's length or content.
    return timingSafeEqual(digest(header.slice('Bearer '.length).trim()), digest(expected));
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** The credential from `x-service-credential`, or a bearer token shaped like a JWS. */
function credentialOf(request: Request): string | undefined {
  const header = request.headers[SERVICE_CREDENTIAL_HEADER];
  if (typeof header === 'string' && header.trim() !== '') {
    return header.trim();
  }
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string' && authorization.startsWith('Bearer ')) {
    const bearer = authorization.slice('Bearer '.length).trim();
    return bearer.split('.').length === 3 ? bearer : undefined;
  }
  return undefined;
}
