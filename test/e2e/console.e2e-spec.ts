import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { AutomaticDecisionService } from '../../apps/review/src/decisions/automatic-decision.service';
import { incompleteEvent } from '../../apps/review/src/testing/incomplete-event.factory';
import { scoredEvent } from '../../apps/review/src/testing/scored-event.factory';
import type { ReviewTestApp } from '../../apps/review/src/testing/review-test-app';
import { seriousViolations } from './console-axe';
import { candidates } from './console-fake-services';
import {
  type ConsoleHarness,
  DOC_SHOTS,
  DOC_VIEWPORT,
  SHOTS,
  startConsoleHarness,
  waitForNodes,
} from './console-harness';

jest.setTimeout(180000);

interface Box {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

interface PathWindow {
  loanmeshNetwork?: { pathNodes: () => string[] };
}

/** Pairs of label boxes whose overlap is more than `share` of the smaller one. */
function overlapping(boxes: Box[], share: number): string[] {
  const area = (b: Box): number => Math.max(0, b.x2 - b.x1) * Math.max(0, b.y2 - b.y1);
  const heavy: string[] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
      const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
      if (w > 0 && h > 0 && w * h > share * Math.min(area(a), area(b))) {
        heavy.push(`${a.id}/${b.id}`);
      }
    }),
  );
  return heavy;
}

describe('review console in Chromium', () => {
  let h: ConsoleHarness;
  let t: ReviewTestApp;
  let newPage: ConsoleHarness['newPage'];
  let loggedIn: ConsoleHarness['loggedIn'];
  let openCase: ConsoleHarness['openCase'];
  let referredCase: ConsoleHarness['referredCase'];

  beforeAll(async () => {
    h = await startConsoleHarness();
    ({ t, newPage, loggedIn, openCase, referredCase } = h);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('should refuse a wrong password and then log an officer in', async () => {
    const page = await newPage();
    await page.goto(`${t.url}/console/`);
    await page.getByTestId('login-username').fill('officer1');
    await page.getByTestId('login-password').fill('wrong');
    await page.getByTestId('login-submit').click();
    // The error is rendered after the login request returns, so wait for its text rather than reading it at once.
    await page.getByTestId('login-error').filter({ hasText: 'wrong password' }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('login-error').textContent()).toContain('wrong password');
    expect(await page.getByTestId('login-submit').isVisible()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/01-login-refused.png` });
  });

  it('should let an officer claim a case, open the graph and approve with a reason', async () => {
    const applicationId = await referredCase({ pd: 0.12, grade: 'C' });
    const page = await loggedIn('officer1');
    await page.getByTestId('queue').waitFor();
    await page.screenshot({ path: `${SHOTS}/02-queue.png`, fullPage: true });
    await openCase(page, applicationId);
    await page.getByTestId('claim').click();
    await page.getByTestId('case-status').filter({ hasText: 'CLAIMED' }).waitFor();
    await page.getByTestId('open-graph').click();
    await page.getByTestId('ego-graph').waitFor();
    await waitForNodes(page, 5);
    // The three GUARANTEES edges form a circle: drawn as one, and counted in the legend.
    await expect(page.getByTestId('graph-summary').textContent()).resolves.toContain('3 links in guarantee circles');
    // The keyboard way in: the list of parties, then the details of the one picked.
    await page.locator('.node-list summary').click();
    await page.locator('[data-testid="node-list-item"][data-id="p-1"]').click();
    await expect(page.getByTestId('node-details').textContent()).resolves.toContain('Jane Director');
    await page.getByTestId('filter-node-Phone').uncheck();
    await waitForNodes(page, 4);
    await page.screenshot({ path: `${SHOTS}/03-case-graph.png`, fullPage: true });
    await page.getByTestId('decision-outcome').selectOption('APPROVED');
    await page.getByTestId('decision-reason').selectOption('APR_STRONG_FINANCIALS');
    await page.getByTestId('decision-note').fill('Statements show enough cash flow');
    await page.getByTestId('decide').click();
    await page.getByTestId('case-status').filter({ hasText: 'DECIDED' }).waitFor();
    await expect(page.getByTestId('final-outcome').textContent()).resolves.toContain('APPROVED');
    await expect(page.getByTestId('history').textContent()).resolves.toContain('DECIDED');
    await page.screenshot({ path: `${SHOTS}/04-case-approved.png`, fullPage: true });
  });

  it('should highlight the path of a graph reason in the network when the officer asks why', async () => {
    const applicationId = await referredCase({
      companyId: 'co-center',
      graph: { inGuaranteeCircle: 1, guaranteeCircleSize: 3 },
    });
    const page = await loggedIn('officer1');
    await openCase(page, applicationId);
    // The network is not open yet: asking for the path opens it.
    await page.getByTestId('explain-path').click();
    await waitForNodes(page, 5);
    await page.waitForFunction(
      () => ((globalThis as unknown as PathWindow).loanmeshNetwork?.pathNodes().length ?? 0) > 0,
    );
    const path = await page.evaluate<string[]>('window.loanmeshNetwork.pathNodes()');
    expect(path.sort()).toEqual(['co-b', 'co-c', 'co-center']);
  });

  it('should need a second, senior user to confirm when four-eyes applies', async () => {
    const applicationId = await referredCase({ graph: { inGuaranteeCircle: 1, guaranteeCircleSize: 3 } });
    const officer = await loggedIn('officer1');
    await openCase(officer, applicationId);
    await expect(officer.getByTestId('four-eyes').textContent()).resolves.toContain('Four-eyes required');
    await officer.getByTestId('claim').click();
    await officer.getByTestId('decide').waitFor();
    await officer.getByTestId('decision-outcome').selectOption('DECLINED');
    await officer.getByTestId('decision-reason').selectOption('DEC_GUARANTEE_CIRCLE');
    await officer.getByTestId('decision-note').fill('Guarantees run in a closed circle');
    await officer.getByTestId('decide').click();
    await officer.getByTestId('case-status').filter({ hasText: 'AWAITING_CONFIRMATION' }).waitFor();
    expect(await officer.getByTestId('confirm').count()).toBe(0);
    await officer.screenshot({ path: `${SHOTS}/05-four-eyes-proposed.png`, fullPage: true });

    const senior = await loggedIn('senior1');
    await openCase(senior, applicationId);
    await expect(senior.getByTestId('proposal').textContent()).resolves.toContain('Proposed by officer1: DECLINED');
    await senior.getByTestId('confirm-note').fill('Agree, circle confirmed');
    await senior.getByTestId('confirm').click();
    await senior.getByTestId('case-status').filter({ hasText: 'DECIDED' }).waitFor();
    await expect(senior.getByTestId('history').textContent()).resolves.toContain('CONFIRMED by senior1');
    await senior.screenshot({ path: `${SHOTS}/06-four-eyes-confirmed.png`, fullPage: true });
  });

  it('should show the four-eyes error when a senior officer tries to confirm their own proposal', async () => {
    const applicationId = await referredCase({ amount: 900000, pd: 0.12, grade: 'C' });
    const senior = await loggedIn('senior1');
    await openCase(senior, applicationId);
    await senior.getByTestId('claim').click();
    await senior.getByTestId('decide').waitFor();
    await senior.getByTestId('decision-reason').selectOption('APR_COLLATERAL_ADEQUATE');
    await senior.getByTestId('decision-note').fill('Fully secured');
    await senior.getByTestId('decide').click();
    await senior.getByTestId('confirm').click();
    await senior.getByTestId('action-error').filter({ hasText: 'FOUR_EYES_SAME_PERSON' }).waitFor();
    await senior.screenshot({ path: `${SHOTS}/07-four-eyes-same-person.png`, fullPage: true });
  });

  it('should show an application whose company never arrived as not scored, with what was missing', async () => {
    const event = incompleteEvent();
    const { applicationId, companyId } = event.payload.application;
    await t.app.get(AutomaticDecisionService).referIncomplete(event);
    const page = await loggedIn('officer1');
    await page.getByTestId('queue').waitFor();
    const row = page.locator(`[data-application="${applicationId}"]`);
    await expect(row.textContent()).resolves.toContain('not scored');
    await expect(row.textContent()).resolves.toContain('MISSING_COMPANY_DATA');

    await openCase(page, applicationId);

    await expect(page.getByTestId('missing').textContent()).resolves.toBe(`company:${companyId}`);
    await expect(page.getByTestId('score').textContent()).resolves.toContain('Not scored');
    await expect(page.getByTestId('rule-hits').textContent()).resolves.toContain(
      'Company data never arrived from core banking within 15 minutes',
    );
    await page.getByTestId('claim').click();
    await page.getByTestId('decision-outcome').selectOption('DECLINED');
    await page.getByTestId('decision-reason').selectOption('DEC_INCOMPLETE_INFORMATION');
    await page.getByTestId('decision-note').fill('Core banking never sent the company');
    await page.getByTestId('decide').click();
    await page.getByTestId('case-status').filter({ hasText: 'DECIDED' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/07b-incomplete-case.png`, fullPage: true });
  });

  it('should draw the dashboard charts over live applications only', async () => {
    // One live automatic approval, and two from the backlog (submitted three years ago, decided now).
    const decider = t.app.get(AutomaticDecisionService);
    await decider.decide(scoredEvent({ pd: 0.01, grade: 'A' }));
    for (const backlog of [scoredEvent({ pd: 0.01, grade: 'A' }), scoredEvent({ pd: 0.01, grade: 'A' })]) {
      backlog.payload.hops.submittedAt = Date.now() - 3 * 365 * 24 * 3_600_000;
      await decider.decide(backlog);
    }
    const page = await loggedIn('risk1', DOC_VIEWPORT);
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('chart-outcomes').waitFor();
    expect(await page.locator('[data-testid="chart-outcomes"] canvas').count()).toBe(1);
    expect(await page.locator('main').textContent()).not.toContain('NaN');
    // Backlog counted, p50 would be three years; live only, it is the live approval's seconds.
    const p50 = Number((await page.getByTestId('ttd-p50').textContent())?.replace(/[^0-9]/g, ''));
    expect(p50).toBeGreaterThan(0);
    expect(p50).toBeLessThan(60_000);
    await expect(page.getByTestId('parked-summary').textContent()).resolves.toBe(
      'Parked applications: 4 waiting (oldest 10 min), 140 expired to officers',
    );
    await page.screenshot({ path: `${SHOTS}/08-dashboard.png`, fullPage: true });
    await page.getByTestId('nav-policy').click();
    await page.getByTestId('policy-version').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/09-policy.png`, fullPage: true });
  });

  it('should let a senior officer confirm a merge candidate while a risk manager sees names masked', async () => {
    const officer = await loggedIn('officer1');
    expect(await officer.getByTestId('nav-resolution').count()).toBe(0);

    const risk = await loggedIn('risk1');
    await risk.getByTestId('nav-resolution').click();
    await risk.getByTestId('candidates').waitFor();
    const maskedRow = risk.locator('[data-candidate="person:p-er1:p-er2"]');
    expect(await maskedRow.textContent()).not.toContain('Janet Quillmere');

    const senior = await loggedIn('senior1');
    await senior.getByTestId('nav-resolution').click();
    await senior.getByTestId('candidates').waitFor();
    const row = senior.locator('[data-candidate="company:co-er1:co-er2"]');
    expect(await row.textContent()).toContain('Erabrook Tradng Ltd');
    expect(await senior.locator('[data-candidate="person:p-er1:p-er2"]').textContent()).toContain('Janet Quillmere');
    await senior.screenshot({ path: `${SHOTS}/10-entity-resolution.png`, fullPage: true });
    await row.getByTestId('candidate-confirm').click();
    await row.waitFor({ state: 'detached' });
    expect(candidates.find((c) => c.id === 'company:co-er1:co-er2')).toMatchObject({
      status: 'CONFIRMED',
      decidedBy: 'senior1',
    });
    await senior.getByTestId('candidate-filter').selectOption('CONFIRMED');
    await senior
      .locator('[data-candidate="company:co-er1:co-er2"] [data-testid="candidate-status"]')
      .filter({ hasText: 'CONFIRMED' })
      .waitFor();
  });

  it('should let an auditor replay a decision part by part from the case page', async () => {
    const applicationId = await referredCase({ pd: 0.12, grade: 'C' });
    const page = await loggedIn('auditor1');
    await openCase(page, applicationId);
    await page.getByTestId('replay').click();
    await page.getByTestId('replay-table').waitFor();
    await page.screenshot({ path: `${SHOTS}/11-replay.png`, fullPage: true });

    const statusOf = (part: string) =>
      page.locator(`[data-part="${part}"] [data-testid="replay-part-status"]`).textContent();
    // The policy and graph replay as they were; the inference service is not running in this test.
    expect([await statusOf('policy'), await statusOf('graph'), await statusOf('model')]).toEqual([
      'SAME',
      'SAME',
      'UNAVAILABLE',
    ]);
    expect(await page.getByTestId('replay-status').textContent()).toBe('UNAVAILABLE');
  });

  it('should end the session on the server when an officer logs out', async () => {
    const page = await loggedIn('officer1');
    // An expression string: the test tsconfig has no DOM types for sessionStorage.
    const stored = await page.evaluate<string>("sessionStorage.getItem('loanmesh.session')");
    const token = (JSON.parse(stored) as { token: string }).token;
    expect((await t.call(token, 'GET', '/auth/me')).status).toBe(200);

    await page.getByTestId('logout').click();
    await page.getByTestId('login-submit').waitFor();

    // The console awaits the logout request before it shows the sign-in form.
    expect((await t.call(token, 'GET', '/auth/me')).status).toBe(401);
  });

  it('should draw a 300-party network readably, every node and no label over another', async () => {
    const applicationId = await referredCase({
      applicationId: `big-${randomUUID().slice(0, 8)}`,
      pd: 0.12,
      grade: 'C',
    });
    const page = await loggedIn('officer1', DOC_VIEWPORT);
    await openCase(page, applicationId);
    await page.getByTestId('open-graph').click();
    await waitForNodes(page, 300);
    const boxes = await page.evaluate<Box[]>('window.loanmeshNetwork.labelBoxes()');
    const heavy = overlapping(boxes, 0.2);
    expect({ labels: boxes.length > 10, heavy }).toEqual({ labels: true, heavy: [] });
    await page.getByTestId('network').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${DOC_SHOTS}/network-300.png` });
  });

  it('should filter and search the queue, count SLA time down and show a new case without a reload', async () => {
    const graded = await referredCase({ pd: 0.12, grade: 'C' });
    const page = await loggedIn('officer1', DOC_VIEWPORT);
    await page.getByTestId('queue').waitFor();
    await page.locator('[data-testid="queue-live"][data-live="true"]').waitFor();
    await page.getByTestId('filter-grade').selectOption('C');
    await page.locator(`[data-application="${graded}"]`).waitFor();
    const grades = await page.locator('[data-testid="queue-row"] td:nth-child(4)').allTextContents();
    expect(grades.length > 0 && grades.every((g) => g.startsWith('C ·'))).toBe(true);
    const slas = await Promise.all((await page.getByTestId('sla').all()).map((el) => el.getAttribute('data-sla')));
    expect(slas.every((x) => ['ok', 'amber', 'red'].includes(x ?? ''))).toBe(true);
    await page.getByTestId('filter-grade').selectOption('');

    const arriving = `sse-${randomUUID().slice(0, 8)}`;
    await page.getByTestId('queue-search').fill(arriving);
    await page.getByTestId('queue-count').filter({ hasText: /^0 of/ }).waitFor();
    await referredCase({ applicationId: arriving, pd: 0.12, grade: 'C' });
    // Pushed by review's server-sent events: no reload, no polling in the page.
    await page.locator(`[data-application="${arriving}"]`).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('queue-row').count()).toBe(1);
    await page.getByTestId('queue-search').fill('');
    await page.screenshot({ path: `${DOC_SHOTS}/queue.png` });
  });

  it('should switch the console to Simplified Chinese, with dates and numbers in that locale', async () => {
    await referredCase({ amount: 1234567, pd: 0.12, grade: 'C' });
    const page = await loggedIn('officer1', DOC_VIEWPORT);
    await page.locator('[data-testid="queue-live"][data-live="true"]').waitFor();
    await page.getByTestId('language').selectOption('zh-CN');
    await page.getByTestId('nav-queue').filter({ hasText: '审批队列' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.getByTestId('queue-live').textContent()).toBe('实时');
    await page.screenshot({ path: `${DOC_SHOTS}/queue-zh.png` });
    await page.getByTestId('language').selectOption('en');
    await page.getByTestId('nav-queue').filter({ hasText: 'Queue' }).waitFor();
  });

  it('should print a credit memo as a PDF for the credit file', async () => {
    const applicationId = await referredCase({ pd: 0.12, grade: 'C' });
    const page = await loggedIn('officer1');
    await openCase(page, applicationId);
    const caseId = new URL(page.url()).hash.split('/')[2];
    const download = page.waitForEvent('download');
    await page.getByTestId('memo-pdf').click();
    const file = await (await download).path();
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(1000);
    // Role-checked on the server too: no token, no memo.
    expect((await fetch(`${t.url}/cases/${caseId}/memo.pdf`)).status).toBe(401);
  });

  it('should have no serious or critical accessibility violation on any page', async () => {
    const applicationId = await referredCase({ pd: 0.12, grade: 'C' });
    const found: Record<string, unknown[]> = {};
    const login = await newPage({ viewport: DOC_VIEWPORT });
    await login.goto(`${t.url}/console/`);
    await login.getByTestId('login-submit').waitFor();
    found.login = await seriousViolations(login);
    await login.screenshot({ path: `${DOC_SHOTS}/login.png` });

    const officer = await loggedIn('officer1', DOC_VIEWPORT);
    await officer.getByTestId('queue').waitFor();
    found.queue = await seriousViolations(officer);
    await openCase(officer, applicationId);
    await officer.getByTestId('open-graph').click();
    await waitForNodes(officer, 5);
    found.case = await seriousViolations(officer);
    await officer.screenshot({ path: `${DOC_SHOTS}/case.png`, fullPage: true });

    const risk = await loggedIn('risk1', DOC_VIEWPORT);
    for (const [page, ready] of [
      ['dashboard', 'chart-outcomes'],
      ['policy', 'policy-version'],
      ['models', 'models'],
      ['resolution', 'resolution'],
    ]) {
      await risk.getByTestId(`nav-${page}`).click();
      await risk.getByTestId(ready).first().waitFor();
      found[page] = await seriousViolations(risk);
      await risk.screenshot({ path: `${DOC_SHOTS}/${page}.png`, fullPage: page !== 'dashboard' });
    }
    expect(found).toEqual({ login: [], queue: [], case: [], dashboard: [], policy: [], models: [], resolution: [] });
  });

  it('should have run every page without a content security policy violation', () => {
    expect(h.cspViolations).toEqual([]);
  });
});
