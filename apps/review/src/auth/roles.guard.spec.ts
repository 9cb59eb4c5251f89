import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import { AuthException } from './auth.exception';
import type { AuthenticatedUser } from './authenticated-user';
import { Public, Roles } from './roles.decorator';
import { RolesGuard } from './roles.guard';
import type { TokenVerifier } from './token-verifier';

class FakeController {
  @Roles('senior_officer')
  confirm(): void {}

  @Public()
  open(): void {}

  unruled(): void {}
}

const officer: AuthenticatedUser = { id: 'u1', username: 'officer1', role: 'officer' };

function context(handler: keyof FakeController, authorization?: string): ExecutionContext {
  return {
    getType: () => 'http',
    getHandler: () => FakeController.prototype[handler],
    getClass: () => FakeController,
    switchToHttp: () => ({ getRequest: () => ({ headers: { authorization } }) }),
  } as unknown as ExecutionContext;
}

describe(RolesGuard.name, () => {
  const verifier: TokenVerifier = {
    verify: (t) =>
      t === 'good' ? Promise.resolve({ user: officer, sessionId: 's1' }) : Promise.reject(AuthException.invalidToken()),
  };
  const sut = new RolesGuard(new Reflector(), verifier);

  it('should admit anyone when the route is public', async () => {
    await expect(sut.canActivate(context('open'))).resolves.toBe(true);
  });

  it('should refuse with 403 when the role is not listed', async () => {
    await expect(sut.canActivate(context('confirm', 'Bearer good'))).rejects.toMatchObject({
      code: 'ROLE_FORBIDDEN',
      kind: 'FORBIDDEN',
    });
  });

  it('should refuse with 401 when the token is missing or invalid', async () => {
    await expect(sut.canActivate(context('confirm'))).rejects.toMatchObject({ code: 'TOKEN_MISSING' });
    await expect(sut.canActivate(context('confirm', 'Bearer bad'))).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('should refuse when a route has no role rule', async () => {
    await expect(sut.canActivate(context('unruled', 'Bearer good'))).rejects.toMatchObject({
      code: 'ROUTE_WITHOUT_ROLE_RULE',
    });
  });
});
