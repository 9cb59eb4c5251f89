import { randomBytes } from 'node:crypto';

import {
  type BrowserAnswer,
  CookieBrowser,
  freePort,
  type OidcTestClaims,
  type OidcTestProvider,
  startOidcTestProvider,
} from '@loanmesh/testing';

import type { SecurityEventView } from '../../security-events/security-events.service';
import { type ReviewTestApp, startReviewTestApp } from '../../testing/review-test-app';
import { UsersService } from '../../users/users.service';
import { OpenidClientAdapter } from './oidc-client.adapter';
import { OIDC_RESULT_COOKIE, OIDC_TRANSACTION_COOKIE, OidcTransactionSealer } from './oidc-transaction';
import { oidcSettingsOf } from './oidc.config';

jest.setTimeout(180000);

const SECRET = randomBytes(32).toString('hex');
const CLIENT_ID = 'loanmesh-review-test';
const CLIENT_SECRET = randomBytes(32).toString('hex');
const ROLE_MAP = { 'lm-officers': 'officer', 'lm-seniors': 'senior_officer', 'lm-admins': 'admin' };

const officer = (name: string): OidcTestClaims => ({
  preferred_username: name,
  name: `${name} at the bank`,
  loanmesh_roles: ['lm-staff', 'lm-officers'],
});

describe('single sign-on against a real OIDC provider (real PostgreSQL, Kafka)', () => {
  let idp: OidcTestProvider;
  let t: ReviewTestApp;
  let redirectUrl: string;
  let auditor: string;

  beforeAll(async () => {
    const port = await freePort();
    redirectUrl = `http://127.0.0.1:${port}/auth/oidc/callback`;
    idp = await startOidcTestProvider({
      client: { id: CLIENT_ID, secret: CLIENT_SECRET, redirectUri: redirectUrl },
      users: {
        olga: officer('olga'),
        dora: officer('dora'),
        lena: officer('lena'),
        sam: { preferred_username: 'sam', loanmesh_roles: ['lm-staff', 'lm-canteen'] },
        // Same name as a local (password) account: SSO must not take it over.
        nina: { preferred_username: 'nina', loanmesh_roles: ['lm-admins'] },
      },
    });
    const ssoEnv = {
      JWT_SECRET: SECRET,
      OIDC_ISSUER_URL: idp.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_REDIRECT_URL: redirectUrl,
      OIDC_SCOPES: 'openid profile loanmesh',
      OIDC_ROLE_CLAIM: 'loanmesh_roles',
      OIDC_ROLE_MAP: JSON.stringify(ROLE_MAP),
    };
    t = await startReviewTestApp(ssoEnv, { port });
    auditor = await t.login('auditor1');
  });

  afterAll(async () => {
    await t?.close();
    await idp?.stop();
  });

  const toCallback = (browser: CookieBrowser, login: string): Promise<string> =>
    browser.signInUntil(`${t.url}/auth/oidc/login`, login, (url) => url.href.startsWith(redirectUrl));

  const signIn = async (login: string, browser = new CookieBrowser()): Promise<BrowserAnswer> =>
    browser.get(await toCallback(browser, login));

  /** Signs in and collects the session as the console does; resolves to the access token. */
  const signedIn = async (login: string, browser = new CookieBrowser()): Promise<string> => {
    const answer = await signIn(login, browser);
    expect(answer.status).toBe(302);
    // No token in any URL: the console lands on #sso and collects the session from its cookie.
    expect(answer.location).toBe('/console/#sso');
    const cookie = answer.setCookies.find((c) => c.startsWith(`${OIDC_RESULT_COOKIE}=`)) ?? '';
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Max-Age=60;/);
    const collected = await browser.post(`${t.url}/auth/oidc/session`);
    expect(collected.status).toBe(200);
    const body = JSON.parse(collected.body) as { token: string; expiresAt: string; user: { username: string } };
    expect(body.user.username).toBe(login);
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
    return body.token;
  };

  const me = (token: string) => t.call(token, 'GET', '/auth/me');
  const codeOf = (answer: BrowserAnswer): string => (JSON.parse(answer.body) as { code: string }).code;
  const events = async (type: string, username?: string): Promise<SecurityEventView[]> => {
    const query = new URLSearchParams({ type, ...(username ? { username } : {}) });
    const res = await t.call(auditor, 'GET', `/audit/security-events?${query.toString()}`);
    expect(res.status).toBe(200);
    return (res.body as { events: SecurityEventView[] }).events;
  };

  it('should tell the console that both SSO and passwords are offered', async () => {
    const res = await t.call(undefined, 'GET', '/auth/config');
    expect(res).toEqual({ status: 200, body: { password: true, sso: true, ssoLoginUrl: '/auth/oidc/login' } });
  });

  it('should send the browser to the provider with PKCE, state and nonce, the transaction in a sealed HttpOnly cookie', async () => {
    const answer = await new CookieBrowser().get(`${t.url}/auth/oidc/login`);
    expect(answer.status).toBe(302);
    const authorize = new URL(answer.location ?? '');
    expect(authorize.origin).toBe(idp.issuer);
    const q = authorize.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe(CLIENT_ID);
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(q.get('nonce')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const cookie = answer.setCookies.find((c) => c.startsWith(`${OIDC_TRANSACTION_COOKIE}=`)) ?? '';
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\/auth\/oidc/);
    expect(cookie).toMatch(/; Max-Age=600/);
    expect(cookie).not.toContain(q.get('state') ?? '-');
  });

  it('should sign in through the provider, with the role from the claim, a working session, refresh and no password', async () => {
    const token = await signedIn('olga');
    const who = await me(token);
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({ username: 'olga', role: 'officer' });
    expect((await t.call(token, 'GET', '/cases?status=OPEN')).status).toBe(200);
    expect((await t.call(token, 'POST', '/auth/refresh')).status).toBe(200);
    // The SSO account has no password: password sign-in with any password fails.
    const viaPassword = await t.call(undefined, 'POST', '/auth/login', { username: 'olga', password: 'whatever-123' });
    expect(viaPassword.status).toBe(401);
    const [signInEvent] = await events('SIGN_IN', 'olga');
    expect(signInEvent).toMatchObject({ reason: 'OIDC', actor: 'olga', detail: { role: 'officer' } });
    const [added] = await events('USER_ADDED', 'olga');
    expect(added).toMatchObject({ actor: 'oidc', detail: { role: 'officer', method: 'oidc' } });
    const listed = (await t.app.get(UsersService).list()).find((u) => u.username === 'olga');
    expect(listed).toMatchObject({ role: 'officer', displayName: 'olga at the bank', disabled: false, signIn: 'sso' });
    // No second way in: the users CLI will not give an SSO account a password.
    await expect(t.app.get(UsersService).resetPassword('olga', 'a-long-local-password', 'test')).rejects.toMatchObject({
      code: 'SSO_ACCOUNT',
    });
  });

  it('should hand the finished sign-in only to the browser that signed in, and only once', async () => {
    const browser = new CookieBrowser();
    const answer = await signIn('olga', browser);
    expect(answer.status).toBe(302);
    // A link or page elsewhere cannot collect it: another browser has no result cookie.
    const elsewhere = await new CookieBrowser().post(`${t.url}/auth/oidc/session`);
    expect(elsewhere.status).toBe(400);
    const sealed = browser.cookie(OIDC_RESULT_COOKIE) ?? '';
    expect((await browser.post(`${t.url}/auth/oidc/session`)).status).toBe(200);
    expect((await browser.post(`${t.url}/auth/oidc/session`)).status).toBe(400);
    // The sealed value is bound to its purpose: it does not open as a sign-in transaction.
    expect(new OidcTransactionSealer(SECRET).open(sealed)).toBeUndefined();
  });

  it('should apply a role changed at the provider at the next sign-in', async () => {
    const browser = new CookieBrowser();
    const first = await signedIn('lena', browser);
    expect((await me(first)).body).toMatchObject({ role: 'officer' });
    await idp.setUser('lena', { ...officer('lena'), loanmesh_roles: ['lm-officers', 'lm-seniors'] });
    // Same browser: the provider's own session answers without a login form.
    const second = await signedIn('lena', browser);
    expect((await me(second)).body).toMatchObject({ username: 'lena', role: 'senior_officer' });
    // The role lives in the users table, checked per request: the earlier session follows it.
    expect((await me(first)).body).toMatchObject({ role: 'senior_officer' });
    const [changed] = await events('USER_ROLE_CHANGED', 'lena');
    expect(changed).toMatchObject({ actor: 'oidc', detail: { from: 'officer', to: 'senior_officer' } });
  });

  it('should refuse an identity whose claim maps to no role with 403, log it and create no account', async () => {
    const answer = await signIn('sam');
    expect(answer.status).toBe(403);
    expect(codeOf(answer)).toBe('SSO_FORBIDDEN');
    expect(answer.body).not.toContain('token');
    const [failed] = await events('SIGN_IN_FAILED', 'sam');
    expect(failed).toMatchObject({ reason: 'OIDC_NO_ROLE' });
    expect((await t.app.get(UsersService).list()).map((u) => u.username)).not.toContain('sam');
  });

  it('should refuse a callback whose state was changed, or that comes without the transaction cookie', async () => {
    const browser = new CookieBrowser();
    const callback = new URL(await toCallback(browser, 'olga'));
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${callback.searchParams.get('state') ?? ''}x`);
    const wrongState = await browser.get(tampered.href);
    expect(wrongState.status).toBe(400);
    expect(codeOf(wrongState)).toBe('SSO_TRANSACTION_INVALID');

    const otherBrowser = new CookieBrowser();
    const noCookie = await otherBrowser.get(callback.href);
    expect(noCookie.status).toBe(400);
    expect(codeOf(noCookie)).toBe('SSO_TRANSACTION_INVALID');
    expect(
      (await events('SIGN_IN_FAILED')).filter((e) => e.reason === 'OIDC_TRANSACTION').length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('should refuse an ID token whose nonce differs from the transaction, with 401', async () => {
    const browser = new CookieBrowser();
    const callback = await toCallback(browser, 'olga');
    // Re-sealed with the service's own key (the test knows JWT_SECRET): only the nonce is wrong.
    const sealer = new OidcTransactionSealer(SECRET);
    const tx = sealer.open(browser.cookie(OIDC_TRANSACTION_COOKIE) ?? '');
    expect(tx).toBeDefined();
    browser.setCookie(OIDC_TRANSACTION_COOKIE, sealer.seal({ ...tx!, nonce: `${tx!.nonce}-other` }), '/auth/oidc');
    const answer = await browser.get(callback);
    expect(answer.status).toBe(401);
    expect(codeOf(answer)).toBe('SSO_REJECTED');
    const [rejected] = await events('SIGN_IN_FAILED');
    expect(rejected).toMatchObject({
      reason: 'OIDC_REJECTED',
      detail: { method: 'oidc', error: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' },
    });
  });

  it('should refuse an authorization response naming another issuer, with 401', async () => {
    const browser = new CookieBrowser();
    const callback = new URL(await toCallback(browser, 'olga'));
    expect(callback.searchParams.get('iss')).toBe(idp.issuer);
    callback.searchParams.set('iss', 'https://attacker.example');
    const answer = await browser.get(callback.href);
    expect(answer.status).toBe(401);
    expect(codeOf(answer)).toBe('SSO_REJECTED');
    const [rejected] = await events('SIGN_IN_FAILED');
    expect(rejected).toMatchObject({ reason: 'OIDC_REJECTED', detail: { error: 'OAUTH_INVALID_RESPONSE' } });
  });

  it('should refuse a provider whose discovery names another issuer than configured', async () => {
    // The provider's metadata says http://127.0.0.1:<port>; review is told http://localhost:<port>.
    const settings = oidcSettingsOf({
      PASSWORD_SIGN_IN: true,
      OIDC_ISSUER_URL: idp.issuer.replace('127.0.0.1', 'localhost'),
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_REDIRECT_URL: redirectUrl,
      OIDC_SCOPES: 'openid',
      OIDC_ROLE_CLAIM: 'loanmesh_roles',
      OIDC_ROLE_MAP: { 'lm-officers': 'officer' },
      OIDC_USERNAME_CLAIM: 'preferred_username',
      OIDC_TRANSACTION_SECONDS: 600,
      OIDC_CONSOLE_PATH: '/console/',
    });
    expect(settings).toBeDefined();
    const adapter = new OpenidClientAdapter(settings!);
    const checks = { state: 's', nonce: 'n', codeVerifier: 'v'.repeat(43) };
    await expect(adapter.authorizationUrl(checks)).rejects.toThrow(/issuer/i);
  });

  it('should refuse a user disabled in the users table even when the provider says yes, and end their sessions', async () => {
    const token = await signedIn('dora');
    await t.app.get(UsersService).disable('dora', 'test');
    expect((await me(token)).status).toBe(401);
    const again = await signIn('dora');
    expect(again.status).toBe(403);
    expect(codeOf(again)).toBe('SSO_FORBIDDEN');
    const [failed] = await events('SIGN_IN_FAILED', 'dora');
    expect(failed).toMatchObject({ reason: 'DISABLED' });
  });

  it('should never take over a local password account of the same name', async () => {
    const password = await t.addUser('nina', 'officer');
    const answer = await signIn('nina');
    expect(answer.status).toBe(403);
    const [failed] = await events('SIGN_IN_FAILED', 'nina');
    expect(failed).toMatchObject({ reason: 'OIDC_LOCAL_ACCOUNT' });
    const local = await t.call(undefined, 'POST', '/auth/login', { username: 'nina', password });
    expect(local.status).toBe(200);
    expect((local.body as { user: { role: string } }).user.role).toBe('officer');
  });

  it('should revoke an SSO session at logout like a password session', async () => {
    const token = await signedIn('olga');
    expect((await me(token)).status).toBe(200);
    expect((await t.call(token, 'POST', '/auth/logout')).status).toBe(204);
    expect((await me(token)).status).toBe(401);
    expect((await t.call(token, 'POST', '/auth/refresh')).status).toBe(401);
  });
});
