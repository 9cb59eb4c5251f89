import { DomainException } from '@loanmesh/observability';

export class UpstreamUnavailableException extends DomainException {
  constructor(service: string) {
    super(`${service.toUpperCase()}_UNAVAILABLE`, 'UNAVAILABLE', `the ${service} service is not reachable right now`);
  }
}

/**
 * JSON over HTTP to another LoanMesh service with a timeout: unreachable or failing answers
 * become UNAVAILABLE, a 404 becomes NOT_FOUND, each named after the service.
 */
export abstract class UpstreamClient {
  protected constructor(
    private readonly service: string,
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  get(path: string): Promise<unknown> {
    return this.call('GET', path);
  }

  post(path: string, body: unknown): Promise<unknown> {
    return this.call('POST', path, body);
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(new URL(path, this.baseUrl), {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      throw new UpstreamUnavailableException(this.service);
    }
    if (res.status === 404) {
      throw new DomainException(
        `${this.service.toUpperCase()}_NOT_FOUND`,
        'NOT_FOUND',
        `the ${this.service} service has no such entry`,
      );
    }
    if (!res.ok) {
      throw new UpstreamUnavailableException(this.service);
    }
    return res.status === 204 ? { ok: true } : res.json();
  }
}
