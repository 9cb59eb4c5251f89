import { type DomainErrorKind, DomainException } from '@loanmesh/observability';
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

  /**
   * A change a person makes through review (a promotion request or approval): the upstream
   * service's refusal (400, 403, 404, 409, 422) is passed on with its code, so the person sees
   * why; only an unreachable or failing service becomes UNAVAILABLE.
   */
  command(path: string, body: unknown, actor: UpstreamActor): Promise<unknown> {
    return this.call('POST', path, actor, body, true);
  }

  private async call(
    method: string,
    path: string,
    actor: UpstreamActor | undefined,
    body?: unknown,
    passRefusals = false,
  ): Promise<unknown> {
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
    if (passRefusals && UPSTREAM_REFUSALS.has(res.status)) {
      throw await refusalOf(this.service, res);
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

const UPSTREAM_REFUSALS = new Map<number, DomainErrorKind>([
  [400, 'INVALID'],
  [403, 'FORBIDDEN'],
  [404, 'NOT_FOUND'],
  [409, 'CONFLICT'],
  [422, 'PRECONDITION_FAILED'],
]);

async function refusalOf(service: string, res: Response): Promise<DomainException> {
  const body = (await res.json().catch(() => ({}))) as { code?: unknown; message?: unknown };
  return new DomainException(
    typeof body.code === 'string' ? body.code : `${service.toUpperCase()}_REFUSED`,
    UPSTREAM_REFUSALS.get(res.status) ?? 'INVALID',
    typeof body.message === 'string' ? body.message : `the ${service} service refused the request`,
  );
}
