import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { APP_CONFIG } from '@loanmesh/config';

import type { ReviewConfig } from '../../config/review.config';
import { clientIpOf } from '../client-ip';
import { Public } from '../roles.decorator';
import { OidcSignInService } from './oidc-sign-in.service';
import { cookieValue, OIDC_TRANSACTION_COOKIE } from './oidc-transaction';

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
    res.clearCookie(OIDC_TRANSACTION_COOKIE, { path: COOKIE_PATH, httpOnly: true, sameSite: 'lax' });
    const query = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
    const { redirectTo } = await this.oidc.finish(query, sealed, clientIpOf(req, this.config.TRUSTED_PROXY_HOPS));
    res.redirect(302, redirectTo);
  }

  private secureCookies(): boolean {
    return this.config.OIDC_REDIRECT_URL?.startsWith('https:') ?? false;
  }
}
