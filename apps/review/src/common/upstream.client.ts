import { DomainException } from '@loanmesh/observability';
import type { ServiceCredentialIssuer } from '@loanmesh/service-auth';

import type { AuthenticatedUser } from '../auth/authenticated-user';

/** The person a call acts for: their name and role travel in the service credential. */
export type UpstreamActor = Pick<AuthenticatedUser, 'username' | 'role'>;

export class UpstreamUnavailableException extends DomainException {
  constructor(service: string) {
    super(`${service.toUpperCase()}_UNAVAILABLE`, 'UNAVAILABLE', `the ${service} service is not reachable right now`);
  }
}

/**
 * JSON over HTTP to another LoanMesh service with a timeout: unreachable or failing answers
 * become UNAVAILABLE, a 404 becomes NOT_FOUND, each named after the service. Every request
 * carries a fresh service credential for that service, acting for the signed-in user when
 * there is one (`sub` and `roles`), else for review itself.
 */
export abstract class UpstreamClient {
  protected constructor(
    private readonly service: string,
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
    private readonly credentials: ServiceCredentialIssuer,
  ) {}

  get(path: string, actor?: UpstreamActor): Promise<unknown> {
    return this.call('GET', path, actor);
  }

  post(path: string, body: unknown, actor?: UpstreamActor): Promise<unknown> {
    return this.call('POST', path, actor, body);
  }

  private async call(method: string, path: string, actor: UpstreamActor | undefined, body?: unknown): Promise<unknown> {
    const credential = this.credentials.headers({
      audience: this.service,
      ...(actor ? { subject: actor.username, roles: [actor.role] } : {}),
    });
    let res: Response;
    try {
      res = await fetch(new URL(path, this.baseUrl), {
        method,
        headers: { 'content-type': 'application/json', ...credential },
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
