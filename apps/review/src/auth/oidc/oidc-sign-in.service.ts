import { Inject, Injectable, Logger } from '@nestjs/common';
import * as client from 'openid-client';

import { APP_CONFIG } from '@loanmesh/config';
import { typedLine } from '@loanmesh/contracts';

import type { ReviewConfig } from '../../config/review.config';
import type { SignInFailure } from '../../security-events/security-event.entity';
import { SecurityEventsService } from '../../security-events/security-events.service';
import { AuthException } from '../auth.exception';
import { SessionService } from '../session.service';
import { OidcAccountsService } from './oidc-accounts.service';
import { OidcClientAdapter } from './oidc-client.adapter';
import { mapRole } from './oidc-role-mapping';
import { type OidcResult, OidcResultSealer, type OidcTransaction, OidcTransactionSealer } from './oidc-transaction';
import { OIDC_SETTINGS, type OidcSettings } from './oidc.config';

export interface OidcStart {
  /** The provider's authorization URL to redirect the browser to. */
  redirectTo: string;
  /** The sealed transaction for the short-lived cookie. */
  sealedTransaction: string;
  maxAgeSeconds: number;
}

const usernameSchema = typedLine(64).min(1);

/** How long the console has to collect a finished sign-in after the redirect (one page load). */
export const OIDC_RESULT_SECONDS = 60;

export interface OidcFinish {
  /** The session, sealed for the short-lived cookie the console collects it from. */
  sealedResult: string;
  maxAgeSeconds: number;
  redirectTo: string;
}

export type CollectedSignIn = Omit<OidcResult, 'collectBy'>;

/**
 * Authorization code flow with PKCE against the bank's identity provider. `start` seals a fresh
 * state, nonce and code verifier into the transaction cookie; `finish` checks the callback
 * against it, lets the adapter exchange and validate, maps the role claim, settles the users
 * row and issues an ordinary session, so per-request checks, refresh and logout are the same
 * as for passwords. Every outcome is written to the security log.
 */
@Injectable()
export class OidcSignInService {
  private readonly logger = new Logger(OidcSignInService.name);
  private readonly sealer: OidcTransactionSealer;
  private readonly results: OidcResultSealer;

  constructor(
    @Inject(APP_CONFIG) config: ReviewConfig,
    @Inject(OIDC_SETTINGS) private readonly settings: OidcSettings | null,
    @Inject(OidcClientAdapter) private readonly provider: OidcClientAdapter | null,
    private readonly accounts: OidcAccountsService,
    private readonly sessions: SessionService,
    private readonly events: SecurityEventsService,
  ) {
    this.sealer = new OidcTransactionSealer(config.JWT_SECRET);
    this.results = new OidcResultSealer(config.JWT_SECRET);
  }

  get enabled(): boolean {
    return this.settings !== null && this.provider !== null;
  }

  async start(): Promise<OidcStart> {
    const { settings, provider } = this.require();
    const tx: OidcTransaction = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      expiresAt: Date.now() + settings.transactionSeconds * 1000,
    };
    let url: URL;
    try {
      url = await provider.authorizationUrl(tx);
    } catch (e) {
      this.logger.warn(`identity provider discovery failed: ${errorCode(e)}`);
      throw AuthException.ssoUnavailable();
    }
    return {
      redirectTo: url.href,
      sealedTransaction: this.sealer.seal(tx),
      maxAgeSeconds: settings.transactionSeconds,
    };
  }

  /**
   * Resolves to the sealed session for the result cookie and where to send the browser. The token
   * never travels in a URL: the console collects it with `collect`, from the browser that holds
   * the cookie, so a link carrying someone else's token cannot sign a victim in (login CSRF).
   */
  async finish(query: URLSearchParams, sealedTransaction: string | undefined, clientIp: string): Promise<OidcFinish> {
    const { settings, provider } = this.require();
    const tx = sealedTransaction === undefined ? undefined : this.sealer.open(sealedTransaction);
    if (!tx || tx.expiresAt < Date.now() || query.get('state') !== tx.state) {
      await this.failed(undefined, clientIp, 'OIDC_TRANSACTION');
      throw AuthException.ssoTransactionInvalid();
    }
    let claims: Readonly<Record<string, unknown>>;
    try {
      claims = await provider.exchange(query, tx);
    } catch (e) {
      await this.failed(undefined, clientIp, 'OIDC_REJECTED', errorCode(e));
      throw isNetworkFailure(e) ? AuthException.ssoUnavailable() : AuthException.ssoRejected();
    }
    const username = usernameSchema.safeParse(claims[settings.usernameClaim]);
    if (!username.success || typeof claims.sub !== 'string') {
      await this.failed(undefined, clientIp, 'OIDC_NO_USERNAME');
      throw AuthException.ssoForbidden();
    }
    const role = mapRole(claims[settings.roleClaim], settings.roleMap);
    if (!role) {
      await this.failed(username.data, clientIp, 'OIDC_NO_ROLE');
      throw AuthException.ssoForbidden();
    }
    const name = claims.name;
    const account = await this.accounts.accountFor({
      externalSubject: `${settings.issuer.href} ${claims.sub}`.slice(0, 300),
      username: username.data,
      displayName: typeof name === 'string' && name.length > 0 ? name.slice(0, 100) : username.data,
      role,
    });
    if (!account.ok) {
      await this.failed(username.data, clientIp, account.reason);
      throw AuthException.ssoForbidden();
    }
    const issued = await this.sessions.issue(account.user, 'oidc', clientIp);
    await this.events.record({
      type: 'SIGN_IN',
      username: username.data,
      actor: username.data,
      clientIp,
      reason: 'OIDC',
      detail: { role },
    });
    const { user } = account;
    const sealedResult = this.results.seal({
      ...issued,
      user: { id: user.id, username: user.username, role, displayName: user.displayName },
      collectBy: Date.now() + OIDC_RESULT_SECONDS * 1000,
    });
    return { sealedResult, maxAgeSeconds: OIDC_RESULT_SECONDS, redirectTo: `${settings.consolePath}#sso` };
  }

  /** The finished sign-in from the result cookie, once; what password sign-in answers. */
  collect(sealedResult: string | undefined): CollectedSignIn {
    this.require();
    const result = sealedResult === undefined ? undefined : this.results.open(sealedResult);
    if (!result || result.collectBy < Date.now()) {
      throw AuthException.ssoTransactionInvalid();
    }
    const { collectBy: _collectBy, ...signIn } = result;
    return signIn;
  }

  private require(): { settings: OidcSettings; provider: OidcClientAdapter } {
    if (this.settings === null || this.provider === null) {
      throw AuthException.ssoDisabled();
    }
    return { settings: this.settings, provider: this.provider };
  }

  private failed(username: string | undefined, clientIp: string, reason: SignInFailure, error?: string): Promise<void> {
    return this.events.record({
      type: 'SIGN_IN_FAILED',
      clientIp,
      reason,
      ...(username === undefined ? {} : { username }),
      ...(error === undefined ? {} : { detail: { method: 'oidc', error } }),
    });
  }
}

/** The library's stable error code (never a message that could echo a token), for the log. */
function errorCode(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined;
  return (typeof code === 'string' ? code : e instanceof Error ? e.name : 'UNKNOWN').slice(0, 64);
}

function isNetworkFailure(e: unknown): boolean {
  return e instanceof TypeError && e.message === 'fetch failed';
}
