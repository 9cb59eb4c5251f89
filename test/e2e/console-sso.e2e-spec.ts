import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';

import { type Browser, chromium } from 'playwright-core';

import { type ReviewTestApp, startReviewTestApp } from '../../apps/review/src/testing/review-test-app';
import { freePort, type OidcTestProvider, startOidcTestProvider } from '../../libs/testing/src';

jest.setTimeout(180000);

const SHOTS = 'test-results/console';

describe('console single sign-on in Chromium (real oidc-provider, real review)', () => {
  let idp: OidcTestProvider;
  let t: ReviewTestApp;
  let browser: Browser;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const port = await freePort();
    const redirectUrl = `http://127.0.0.1:${port}/auth/oidc/callback`;
    const clientSecret = randomBytes(32).toString('hex');
    idp = await startOidcTestProvider({
      client: { id: 'loanmesh-console-e2e', secret: clientSecret, redirectUri: redirectUrl },
      users: { olga: { preferred_username: 'olga', name: 'Olga Petrova', groups: ['LM-Seniors'] } },
    });
    t = await startReviewTestApp(
      {
        OIDC_ISSUER_URL: idp.issuer,
        OIDC_CLIENT_ID: 'loanmesh-console-e2e',
        OIDC_CLIENT_SECRET: clientSecret,
        OIDC_REDIRECT_URL: redirectUrl,
        OIDC_SCOPES: 'openid profile loanmesh',
        OIDC_ROLE_MAP: JSON.stringify({ 'LM-Seniors': 'senior_officer' }),
      },
      { port },
    );
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await idp?.stop();
  });

  it('should sign in with the SSO button, keep the token out of the address bar, and log out', async () => {
    const page = await (await browser.newContext()).newPage();
    page.on('console', (m) => {
      if (/content security policy/i.test(m.text())) {
        cspViolations.push(m.text());
      }
    });
    await page.goto(`${t.url}/console/`);
    await page.getByTestId('login-sso').click();
    // The provider's own pages: its login form, then its consent form.
    await page.locator('input[name="login"]').fill('olga');
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').filter({ hasText: 'Continue' }).click();

    await page.getByTestId('who').filter({ hasText: 'senior officer' }).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('who').textContent()).toContain('Olga Petrova');
    expect(new URL(page.url()).hash).toBe('#/queue');
    expect(page.url()).not.toContain('sso');
    const stored = await page.evaluate<string>("sessionStorage.getItem('loanmesh.session') ?? ''");
    expect((JSON.parse(stored) as { token: string; expiresAt: string }).expiresAt).toBeTruthy();
    await page.screenshot({ path: `${SHOTS}/20-sso-signed-in.png` });

    await page.getByTestId('logout').click();
    await page.getByTestId('login-sso').waitFor();
    const { token } = JSON.parse(stored) as { token: string };
    expect((await t.call(token, 'GET', '/auth/me')).status).toBe(401);
    expect(cspViolations).toEqual([]);
  });
});
