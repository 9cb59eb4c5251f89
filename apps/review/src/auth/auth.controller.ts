import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { z } from 'zod';

import { typedLine } from '@loanmesh/contracts';

import { parseBody } from '../common/parse-body';
import { AuthService, type LoginResult } from './auth.service';
import type { AuthenticatedUser } from './authenticated-user';
import { CurrentUser } from './current-user.decorator';
import { ROLES } from './role';
import { Public, Roles } from './roles.decorator';

const loginSchema = z.object({ username: typedLine(64), password: z.string().min(1).max(200) });

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: unknown): Promise<LoginResult> {
    const { username, password } = parseBody(loginSchema, body);
    return this.auth.login(username, password);
  }

  @Roles(...ROLES)
  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser): AuthenticatedUser {
    return user;
  }
}
