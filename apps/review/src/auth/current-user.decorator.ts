import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

import { AuthException } from './auth.exception';
import type { AuthenticatedUser } from './authenticated-user';
import type { RequestWithUser } from './roles.guard';
import type { VerifiedCaller } from './token-verifier';

/** The caller the guard authenticated. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthenticatedUser => {
  const user = ctx.switchToHttp().getRequest<RequestWithUser>().user;
  if (!user) {
    throw AuthException.missingToken();
  }
  return user;
});

/** The caller and their session (sign-out, refresh). */
export const CurrentCaller = createParamDecorator((_: unknown, ctx: ExecutionContext): VerifiedCaller => {
  const request = ctx.switchToHttp().getRequest<RequestWithUser>();
  if (!request.user || !request.sessionId) {
    throw AuthException.missingToken();
  }
  return { user: request.user, sessionId: request.sessionId };
});
