import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { APP_CONFIG } from '@loanmesh/config';

import type { ReviewConfig } from '../../config/review.config';
import { clientIpOf } from '../client-ip';
import { Public } from '../roles.decorator';
import { type CollectedSignIn, OidcSignInService } from './oidc-sign-in.service';
import { cookieValue, OIDC_RESULT_COOKIE, OIDC_TRANSACTION_COOKIE } from './oidc-transaction';

/** What the console's sign-in page offers. */
export interface SignInOptions {
  password: boolean;
  sso: boolean;
  ssoLoginUrl?: string;
}

const COOKIE_PATH = '/auth/oidc';

@Controller('auth')
export class OidcController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: ReviewConfig,
    private readonly oidc: OidcSignInService,
  ) {}

  @Public()
  @Get('config')
  options(): SignInOptions {
    return this.oidc.enabled
      ? { password: this.config.PASSWORD_SIGN_IN, sso: true, ssoLoginUrl: `${COOKIE_PATH}/login` }
      : { password: this.config.PASSWORD_SIGN_IN, sso: false };
  }

  /** Sends the browser to the identity provider with a fresh transaction in an HttpOnly cookie. */
  @Public()
  @Get('oidc/login')
  async login(@Res() res: Response): Promise<void> {
    const start = await this.oidc.start();
    res.cookie(OIDC_TRANSACTION_COOKIE, start.sealedTransaction, {
      httpOnly: true,
      // Lax: the provider's redirect back is a cross-site top-level GET, which Strict would strip.
      sameSite: 'lax',
      secure: this.secureCookies(),
      path: COOKIE_PATH,
      maxAge: start.maxAgeSeconds * 1000,
    });
    res.redirect(302, start.redirectTo);
  }

  /** The provider's redirect back: one use of the transaction, then a session and the console. */
  @Public()
  @Get('oidc/callback')
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const sealed = cookieValue(req.headers.cookie, OIDC_TRANSACTION_COOKIE);
    // Cleared whatever the outcome: a transaction is good for one callback.
    this.clear(res, OIDC_TRANSACTION_COOKIE);
    const query = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
    const done = await this.oidc.finish(query, sealed, clientIpOf(req, this.config.TRUSTED_PROXY_HOPS));
    res.cookie(OIDC_RESULT_COOKIE, done.sealedResult, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.secureCookies(),
      path: COOKIE_PATH,
      maxAge: done.maxAgeSeconds * 1000,
    });
    res.redirect(302, done.redirectTo);
  }

  /**
   * The console collects the finished sign-in (token and user, as `POST /auth/login` answers) from
   * the result cookie the callback set in this browser; once, within a minute.
   */
  @Public()
  @Post('oidc/session')
  @HttpCode(200)
  session(@Req() req: Request, @Res({ passthrough: true }) res: Response): CollectedSignIn {
    const sealed = cookieValue(req.headers.cookie, OIDC_RESULT_COOKIE);
    this.clear(res, OIDC_RESULT_COOKIE);
    return this.oidc.collect(sealed);
  }

  private clear(res: Response, name: string): void {
    res.clearCookie(name, { path: COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure: this.secureCookies() });
  }

  private secureCookies(): boolean {
    return this.config.OIDC_REDIRECT_URL?.startsWith('https:') ?? false;
  }
}
