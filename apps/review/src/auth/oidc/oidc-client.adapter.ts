import { Inject, Injectable } from '@nestjs/common';
import * as client from 'openid-client';

import { OIDC_SETTINGS, type OidcSettings } from './oidc.config';

/** What the callback must match: the values sealed into the transaction cookie at login. */
export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The seam to the identity provider; tests drive a real provider through the real adapter. */
export abstract class OidcClientAdapter {
  /** The provider's authorization endpoint with code flow, PKCE (S256), state and nonce. */
  abstract authorizationUrl(checks: OidcChecks): Promise<URL>;
  /**
   * Exchanges the code of the callback (`callbackQuery` as received) and resolves to the
   * validated ID token's claims; rejects when anything does not check out.
   */
  abstract exchange(callbackQuery: URLSearchParams, checks: OidcChecks): Promise<Readonly<Record<string, unknown>>>;
}

/**
 * `openid-client` (oauth4webapi underneath): discovery once, lazily (an unreachable provider
 * must not stop review from booting: local accounts are the break-glass path), and again after
 * a failure. The ID token's signature is checked against the provider's JWKS (non-repudiation
 * checks on), besides issuer, audience, expiry, nonce and the RFC 9207 `iss` of the response.
 */
@Injectable()
export class OpenidClientAdapter extends OidcClientAdapter {
  private discovered?: Promise<client.Configuration>;

  constructor(@Inject(OIDC_SETTINGS) private readonly settings: OidcSettings) {
    super();
  }

  async authorizationUrl(checks: OidcChecks): Promise<URL> {
    const config = await this.configuration();
    return client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUrl.href,
      scope: this.settings.scopes,
      response_type: 'code',
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  async exchange(callbackQuery: URLSearchParams, checks: OidcChecks): Promise<Readonly<Record<string, unknown>>> {
    const config = await this.configuration();
    // The registered redirect URL, not the request's own (a proxy may have rewritten host or scheme).
    const current = new URL(this.settings.redirectUrl.href);
    current.search = callbackQuery.toString();
    const tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) {
      throw new Error('no ID token in the token response');
    }
    return claims;
  }

  private configuration(): Promise<client.Configuration> {
    this.discovered ??= this.discover().catch((e: unknown) => {
      this.discovered = undefined;
      throw e;
    });
    return this.discovered;
  }

  private async discover(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings;
    const config = await client.discovery(
      issuer,
      clientId,
      { id_token_signed_response_alg: 'RS256' },
      client.ClientSecretBasic(clientSecret),
      // Plain HTTP is accepted by the config only for a loopback issuer (the test provider).
      issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    client.enableNonRepudiationChecks(config);
    return config;
  }
}
