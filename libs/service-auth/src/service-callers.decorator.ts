import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';

import type { ServiceCredentialClaims } from './service-credential';

export const SERVICE_CALLERS_KEY = 'loanmesh:service-callers';

/** Only credentials issued by these services may call the route (others: 403). */
export const ServiceCallers = (...issuers: [string, ...string[]]): MethodDecorator & ClassDecorator =>
  SetMetadata(SERVICE_CALLERS_KEY, issuers);

/** The request after the guard: the verified credential's claims. */
export interface RequestWithServiceCaller {
  serviceCaller?: ServiceCredentialClaims;
}

/** The verified credential of the request (who called, for whom); set by the guard. */
export const ServiceCaller = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): ServiceCredentialClaims | undefined =>
    ctx.switchToHttp().getRequest<RequestWithServiceCaller>().serviceCaller,
);
