import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

import { AuthException } from './auth.exception';
import type { AuthenticatedUser } from './authenticated-user';
import type { RequestWithUser } from './roles.guard';

/** The caller the guard authenticated. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthenticatedUser => {
  const user = ctx.switchToHttp().getRequest<RequestWithUser>().user;
  if (!user) {
    throw AuthException.missingToken();
  }
  return user;
});
