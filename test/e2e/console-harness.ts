import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { type Browser, chromium, type Page } from 'playwright-core';

import { AutomaticDecisionService } from '../../apps/review/src/decisions/automatic-decision.service';
import { scoredEvent, type ScoredOverrides } from '../../apps/review/src/testing/scored-event.factory';
import { type ReviewTestApp, startReviewTestApp } from '../../apps/review/src/testing/review-test-app';
import { fakeGraphService, fakeIngestionService } from './console-fake-services';

/** Screenshots kept as test artefacts. */
export const SHOTS = 'test-results/console';
/** The screenshots docs/console.md shows, at the size the issue asks for. */
export const DOC_SHOTS = 'docs/console';
export const DOC_VIEWPORT = { width: 1440, height: 900 };

interface NetworkWindow {
  loanmeshNetwork?: { renderedNodes: () => number };
}

/** Until the network view has drawn `n` nodes (a function, not a string: the CSP refuses eval). */
export async function waitForNodes(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    (count) => (globalThis as unknown as NetworkWindow).loanmeshNetwork?.renderedNodes() === count,
    n,
    { timeout: 30_000 },
  );
}

/**
 * A real review service (real PostgreSQL and Kafka) serving the built console, with the graph and
 * ingestion services stood in for (they have their own tests), and Debian's Chromium to drive it.
 */
export interface ConsoleHarness {
  t: ReviewTestApp;
  browser: Browser;
  /** Every Content-Security-Policy violation Chromium reports on any page opened through `newPage`. */
  cspViolations: string[];
  newPage(options?: Parameters<Browser['newContext']>[0]): Promise<Page>;
  loggedIn(username: string, viewport?: { width: number; height: number }): Promise<Page>;
  openCase(page: Page, applicationId: string): Promise<void>;
  /** An application scored and referred to the queue; resolves to its id. */
  referredCase(o: ScoredOverrides): Promise<string>;
  close(): Promise<void>;
}

/** `env` adds to or overrides review's configuration (another fake service's URL, say). */
export async function startConsoleHarness(env: Record<string, string> = {}): Promise<ConsoleHarness> {
  // A fresh clone has no console build: make it (a no-op when it is up to date).
  execFileSync('bash', ['scripts/console-build.sh'], { stdio: 'inherit' });
  mkdirSync(SHOTS, { recursive: true });
  mkdirSync(DOC_SHOTS, { recursive: true });
  const graph = await fakeGraphService();
  const ingestion = await fakeIngestionService();
  const t = await startReviewTestApp({
    GRAPH_BASE_URL: `http://127.0.0.1:${(graph.address() as AddressInfo).port}`,
    INGESTION_BASE_URL: `http://127.0.0.1:${(ingestion.address() as AddressInfo).port}`,
    ...env,
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const cspViolations: string[] = [];
  const closeServer = (s: Server) => new Promise((r) => s.close(r));

  async function newPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
    const page = await (await browser.newContext(options)).newPage();
    page.on('console', (m) => {
      if (/content security policy/i.test(m.text())) {
        cspViolations.push(m.text());
      }
    });
    return page;
  }

  async function loggedIn(username: string, viewport = { width: 1360, height: 1000 }): Promise<Page> {
    const page = await newPage({ viewport });
    await page.goto(`${t.url}/console/`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(await t.passwordOf(username));
    await page.getByTestId('login-submit').click();
    await page
      .getByTestId('who')
      .filter({ hasText: username.startsWith('senior') ? 'senior officer' : '' })
      .waitFor();
    return page;
  }

  async function openCase(page: Page, applicationId: string): Promise<void> {
    await page.goto(`${t.url}/console/#/queue`);
    await page.locator(`[data-application="${applicationId}"] [data-testid="open-case"]`).click();
    await page.getByTestId('case-title').filter({ hasText: applicationId }).waitFor();
  }

  async function referredCase(o: ScoredOverrides): Promise<string> {
    const event = scoredEvent(o);
    await t.app.get(AutomaticDecisionService).decide(event);
    return event.payload.application.applicationId;
  }

  async function close(): Promise<void> {
    await browser.close();
    await t.close();
    await closeServer(graph);
    await closeServer(ingestion);
  }

  return { t, browser, cspViolations, newPage, loggedIn, openCase, referredCase, close };
}
