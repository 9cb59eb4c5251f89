import { type CanActivate, type ExecutionContext, Inject, Injectable, type Type } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

import { HealthController } from '@loanmesh/observability';

import { AuthException } from './auth.exception';
import type { AuthenticatedUser } from './authenticated-user';
import type { Role } from './role';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';
import { TOKEN_VERIFIER, type TokenVerifier } from './token-verifier';

/** Library controllers that must stay open (probes and the metrics scrape). */
export const PUBLIC_CONTROLLERS: readonly Type[] = [HealthController];

/** The request after the guard: the caller as the users table says now, and their session. */
export type RequestWithUser = Request & { user?: AuthenticatedUser; sessionId?: string };

/** What a route demands: open to all, or a set of roles; `undefined` means no rule (refused). */
export function roleRuleOf(
  reflector: Reflector,
  handler: ReturnType<ExecutionContext['getHandler']>,
  controller: Type,
): 'public' | Role[] | undefined {
  if (
    PUBLIC_CONTROLLERS.includes(controller) ||
    reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [handler, controller])
  ) {
    return 'public';
  }
  return reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [handler, controller]);
}

/**
 * Authenticates the bearer token against its session and user on every request (revoked,
 * expired or disabled: 401; the role is the users table's now) and admits only the route's
 * roles; fails closed.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') {
      return true;
    }
    const rule = roleRuleOf(this.reflector, context.getHandler(), context.getClass());
    if (rule === 'public') {
      return true;
    }
    if (!rule) {
      throw AuthException.noRoleRule();
    }
    const request = context.switchToHttp().getRequest<RequestWithUser>();
    const { user, sessionId } = await this.verifier.verify(bearerToken(request));
    if (!rule.includes(user.role)) {
      throw AuthException.forbidden();
    }
    request.user = user;
    request.sessionId = sessionId;
    return true;
  }
}

function bearerToken(request: Request): string {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) {
    return header.slice('Bearer '.length).trim();
  }
  throw AuthException.missingToken();
}
