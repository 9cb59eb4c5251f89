import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';

import { APP_CONFIG } from '@loanmesh/config';
import { typedLine } from '@loanmesh/contracts';
import { ZodBody, ZodResponse } from '@loanmesh/observability';

import { parseBody } from '../common/parse-body';
import type { ReviewConfig } from '../config/review.config';
import { authenticatedUserSchema, issuedTokenSchema, loginResultSchema } from './auth-response.schemas';
import { AuthService, type LoginResult } from './auth.service';
import type { AuthenticatedUser } from './authenticated-user';
import { clientIpOf } from './client-ip';
import { CurrentCaller, CurrentUser } from './current-user.decorator';
import { type Permission, permissionsOf } from './permissions';
import { ROLES, type Role } from './role';
import { Public, Roles } from './roles.decorator';
import { type IssuedToken, SessionService } from './session.service';
import type { VerifiedCaller } from './token-verifier';

const loginSchema = z.object({ username: typedLine(64), password: z.string().min(1).max(200) });

@Controller('auth')
export class AuthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: ReviewConfig,
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ZodBody(loginSchema)
  @ZodResponse(200, loginResultSchema)
  login(@Body() body: unknown, @Req() req: Request): Promise<LoginResult> {
    const { username, password } = parseBody(loginSchema, body);
    return this.auth.login(username, password, clientIpOf(req, this.config.TRUSTED_PROXY_HOPS));
  }

  /** Ends the session: its tokens answer 401 from the next request on, on every replica. */
  @Roles(...ROLES)
  @Post('logout')
  @HttpCode(204)
  logout(@CurrentCaller() caller: VerifiedCaller, @Req() req: Request): Promise<void> {
    return this.auth.logout(caller, clientIpOf(req, this.config.TRUSTED_PROXY_HOPS));
  }

  /** A new short-lived access token for the same session, never past the session's end. */
  @Roles(...ROLES)
  @Post('refresh')
  @HttpCode(200)
  @ZodResponse(200, issuedTokenSchema)
  refresh(@CurrentCaller() caller: VerifiedCaller): Promise<IssuedToken> {
    return this.sessions.refresh(caller);
  }

  @Roles(...ROLES)
  @Get('me')
  @ZodResponse(200, authenticatedUserSchema)
  me(@CurrentUser() user: AuthenticatedUser): AuthenticatedUser {
    return user;
  }

  /** What the signed-in user may do: the console shows only what review would allow. */
  @Roles(...ROLES)
  @Get('permissions')
  permissions(@CurrentUser() user: AuthenticatedUser): { role: Role; permissions: Permission[] } {
    return { role: user.role, permissions: permissionsOf(user.role) };
  }
}
