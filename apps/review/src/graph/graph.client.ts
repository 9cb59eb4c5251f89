import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';
import { DomainException } from '@loanmesh/observability';

import type { ReviewConfig } from '../config/review.config';

export class UpstreamUnavailableException extends DomainException {
  constructor(service: string) {
    super(`${service.toUpperCase()}_UNAVAILABLE`, 'UNAVAILABLE', `the ${service} service is not reachable right now`);
  }
}

/** Adapter for the graph service's HTTP API (ego graphs, entity-resolution candidates). */
@Injectable()
export class GraphClient {
  constructor(@Inject(APP_CONFIG) private readonly config: ReviewConfig) {}

  get(path: string): Promise<unknown> {
    return this.call('GET', path);
  }

  post(path: string, body: unknown): Promise<unknown> {
    return this.call('POST', path, body);
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(new URL(path, this.config.GRAPH_BASE_URL), {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.config.UPSTREAM_TIMEOUT_MS),
      });
    } catch {
      throw new UpstreamUnavailableException('graph');
    }
    if (res.status === 404) {
      throw new DomainException('GRAPH_NOT_FOUND', 'NOT_FOUND', 'the graph service has no such entry');
    }
    if (!res.ok) {
      throw new UpstreamUnavailableException('graph');
    }
    return res.status === 204 ? { ok: true } : res.json();
  }
}
