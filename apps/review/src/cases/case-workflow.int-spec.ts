import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { decisionMadeSchema, Topics } from '@loanmesh/contracts';
import { KafkaTestClient, waitFor } from '@loanmesh/testing';
import { DataSource } from 'typeorm';

import { verifyBundle } from '../audit/audit-bundle';
import { AutomaticDecisionService } from '../decisions/automatic-decision.service';
import { type QueuePage } from './queue-page';
import { SlaSweeperService } from './sla-sweeper.service';
import { scoredEvent, type ScoredOverrides } from '../testing/scored-event.factory';
import { type ReviewTestApp, startReviewTestApp } from '../testing/review-test-app';

jest.setTimeout(90000);

describe('case workflow (real PostgreSQL and Kafka)', () => {
  let t: ReviewTestApp;
  let kafka: KafkaTestClient;
  let published: Awaited<ReturnType<KafkaTestClient['capture']>>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startReviewTestApp();
    kafka = new KafkaTestClient();
    published = await kafka.capture([Topics.decisionMade]);
    for (const u of ['officer1', 'officer2', 'senior1', 'senior2', 'risk1', 'auditor1', 'admin1']) {
      tokens[u] = await t.login(u);
    }
  });

  afterAll(async () => {
    await kafka.close();
    await t.close();
  });

  async function referredCase(o: ScoredOverrides): Promise<string> {
    const event = scoredEvent(o);
    await t.app.get(AutomaticDecisionService).decide(event);
    const queue = ((await t.call(tokens.officer1, 'GET', '/cases?pageSize=200')).body as QueuePage).items;
    return queue.find((c) => c.applicationId === event.payload.application.applicationId)!.id;
  }
  const post = (user: string, path: string, body?: unknown) => t.call(tokens[user], 'POST', path, body);

  it('should let an officer claim and decide alone when four-eyes is not needed, and publish the decision', async () => {
    const id = await referredCase({ pd: 0.12, grade: 'C' });
    expect((await post('officer1', `/cases/${id}/claim`)).body).toMatchObject({
      status: 'CLAIMED',
      assignee: 'officer1',
    });
    expect((await post('officer2', `/cases/${id}/claim`)).body).toMatchObject({ code: 'CASE_NOT_ASSIGNEE' });
    const noReason = await post('officer1', `/cases/${id}/decide`, { outcome: 'APPROVED', note: 'fine' });
    expect(noReason.status).toBe(400);
    const wrongReason = await post('officer1', `/cases/${id}/decide`, {
      outcome: 'APPROVED',
      reasonCode: 'DEC_HIGH_LEVERAGE',
      note: 'x',
    });
    expect(wrongReason.body).toMatchObject({ code: 'CASE_REASON_OUTCOME_MISMATCH' });
    const decided = await post('officer1', `/cases/${id}/decide`, {
      outcome: 'APPROVED',
      reasonCode: 'APR_STRONG_FINANCIALS',
      note: 'Cash flow covers it',
    });
    expect(decided.body).toMatchObject({ status: 'DECIDED', outcome: 'APPROVED' });
    const event = await waitFor(
      () =>
        published
          .map((r) => decisionMadeSchema.parse(JSON.parse(r.value!.toString())))
          .find((e) => !e.payload.automatic && e.payload.decidedBy === 'officer1'),
      20000,
      'human decision',
    );
    expect(event.payload.outcome).toBe('APPROVED');
  });

  it('should require a different senior officer to confirm when four-eyes applies', async () => {
    const id = await referredCase({ graph: { inGuaranteeCircle: 1, guaranteeCircleSize: 3 } });
    await post('officer1', `/cases/${id}/claim`);
    const proposed = await post('officer1', `/cases/${id}/decide`, {
      outcome: 'DECLINED',
      reasonCode: 'DEC_GUARANTEE_CIRCLE',
      note: 'circle',
    });
    expect(proposed.body).toMatchObject({ status: 'AWAITING_CONFIRMATION' });
    const byOfficer = await post('officer2', `/cases/${id}/confirm`, { agree: true, note: 'ok' });
    expect(byOfficer.status).toBe(403);
    const confirmed = await post('senior1', `/cases/${id}/confirm`, { agree: true, note: 'agreed' });
    expect(confirmed.body).toMatchObject({ status: 'DECIDED', outcome: 'DECLINED' });
    const detail = (await t.call(tokens.senior1, 'GET', `/cases/${id}`)).body as {
      history: { action: string }[];
      decisions: { content: { override: boolean } }[];
    };
    expect(detail.history.map((h) => h.action)).toEqual(['CREATED', 'CLAIMED', 'PROPOSED', 'CONFIRMED']);
    expect(detail.decisions.at(-1)!.content.override).toBe(true);
  });

  it('should refuse with 409 when the proposer tries to confirm their own decision', async () => {
    const id = await referredCase({ amount: 900000, pd: 0.12, grade: 'C' });
    await post('senior1', `/cases/${id}/claim`);
    await post('senior1', `/cases/${id}/decide`, {
      outcome: 'APPROVED',
      reasonCode: 'APR_COLLATERAL_ADEQUATE',
      note: 'secured',
    });
    const self = await post('senior1', `/cases/${id}/confirm`, { agree: true, note: 'me again' });
    expect(self.status).toBe(409);
    expect(self.body).toMatchObject({ code: 'FOUR_EYES_SAME_PERSON' });
    expect((await post('senior2', `/cases/${id}/confirm`, { agree: true, note: 'ok' })).body).toMatchObject({
      status: 'DECIDED',
    });
  });

  it('should record comments, release, reassign and reopen in the history', async () => {
    const id = await referredCase({ pd: 0.15, grade: 'D' });
    await post('officer1', `/cases/${id}/claim`);
    await post('officer1', `/cases/${id}/comments`, { text: 'asked for statements' });
    await post('officer1', `/cases/${id}/release`);
    expect((await post('senior1', `/cases/${id}/reassign`, { to: 'officer2' })).body).toMatchObject({
      assignee: 'officer2',
    });
    await post('officer2', `/cases/${id}/decide`, {
      outcome: 'DECLINED',
      reasonCode: 'DEC_HIGH_LEVERAGE',
      note: 'too leveraged',
    });
    expect((await post('risk1', `/cases/${id}/reopen`, { reason: 'new statements arrived' })).body).toMatchObject({
      status: 'OPEN',
      outcome: null,
    });
    const detail = (await t.call(tokens.officer1, 'GET', `/cases/${id}`)).body as { history: { action: string }[] };
    expect(detail.history.map((h) => h.action)).toEqual([
      'CREATED',
      'CLAIMED',
      'COMMENTED',
      'RELEASED',
      'REASSIGNED',
      'DECIDED',
      'REOPENED',
    ]);
  });

  it('should refuse with 400 what PostgreSQL could not store, before it reaches the database', async () => {
    const id = await referredCase({ pd: 0.15, grade: 'D' });
    await post('officer1', `/cases/${id}/claim`);
    const nul = await post('officer1', `/cases/${id}/comments`, { text: 'statements\u0000 attached' });
    expect(nul.status).toBe(400);
    expect(JSON.stringify(nul.body)).toContain('U+0000');
    const surrogate = await post('officer1', `/cases/${id}/decide`, {
      outcome: 'DECLINED',
      reasonCode: 'DEC_HIGH_LEVERAGE',
      note: 'broken \ud800 text',
    });
    expect(surrogate.status).toBe(400);
    expect(JSON.stringify(surrogate.body)).toContain('unpaired surrogate');
    expect((await post('officer1', `/cases/${id}/comments`, { text: 'line one\nline two' })).status).toBe(200);
    const detail = (await t.call(tokens.officer1, 'GET', `/cases/${id}`)).body as {
      case: { status: string };
      history: { action: string }[];
    };
    expect(detail.case.status).toBe('CLAIMED');
    expect(detail.history.map((h) => h.action)).toEqual(['CREATED', 'CLAIMED', 'COMMENTED']);
  });

  it('should flag SLA breaches in the case history when the deadline has passed', async () => {
    const id = await referredCase({ pd: 0.2, grade: 'D' });
    const later = new Date(Date.now() + 10 * 24 * 3600 * 1000);
    expect(await t.app.get(SlaSweeperService).sweep(later)).toBeGreaterThanOrEqual(1);
    const detail = (await t.call(tokens.officer1, 'GET', `/cases/${id}`)).body as {
      case: { slaBreached: boolean };
      history: { action: string }[];
    };
    expect(detail.case.slaBreached).toBe(true);
    expect(detail.history.map((h) => h.action)).toContain('SLA_BREACHED');
  });

  it('should export labels as CSV and decisions as NDJSON with people masked for the auditor', async () => {
    const csv = await t.call(tokens.risk1, 'GET', '/labels/export');
    const lines = String(csv.body).trim().split('\n');
    expect(lines[0]).toMatch(/^application_id,label,source/);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    const ndjson = await t.call(tokens.auditor1, 'GET', '/audit/export');
    const text = typeof ndjson.body === 'string' ? ndjson.body : JSON.stringify(ndjson.body);
    expect(text).not.toContain('person-42');
    const clear = await t.call(tokens.admin1, 'GET', '/audit/export');
    expect(String(clear.body)).toContain('person-42');
    const rows = String(clear.body)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number });
    expect(rows.map((r) => r.seq)).toEqual([...rows.map((r) => r.seq)].sort((a, b) => a - b));
  });

  it('should stream signed audit bundles that verify, masked for the auditor, and catch tampering', async () => {
    const key = (await t.call(tokens.auditor1, 'GET', '/audit/signing-key')).body as {
      keyId: string;
      verifyKeys: Record<string, string>;
    };
    const pinned = new Map(Object.entries(key.verifyKeys));
    const bundleOf = async (token: string): Promise<string[]> => {
      const res = await t.call(token, 'GET', '/audit/bundle');
      expect(res.status).toBe(200);
      return String(res.body).trimEnd().split('\n');
    };
    const audited = await bundleOf(tokens.auditor1);
    const clear = await bundleOf(tokens.admin1);
    const ledger = await t.app
      .get(DataSource)
      .query<{ n: number }[]>('SELECT count(*)::int AS n FROM review.decisions');

    const auditorCheck = await verifyBundle(linesOf(audited), pinned);
    const adminCheck = await verifyBundle(linesOf(clear), pinned);
    expect(auditorCheck).toMatchObject({ ok: true, masked: true, decisions: ledger[0].n });
    expect(adminCheck).toMatchObject({ ok: true, masked: false, decisions: ledger[0].n });
    expect(audited.join('\n')).not.toContain('person-42');
    expect(clear.join('\n')).toContain('person-42');
    expect((JSON.parse(clear[clear.length - 1]) as { keyId: string }).keyId).toBe(key.keyId);

    const tampered = clear.map((l, i) =>
      i === 1 ? JSON.stringify({ ...(JSON.parse(l) as object), decidedBy: 'someone-else' }) : l,
    );
    const dropped = clear.filter((_, i) => i !== 2);
    expect((await verifyBundle(linesOf(tampered), pinned)).problems).toEqual(
      expect.arrayContaining([expect.stringContaining('content digest mismatch')]),
    );
    expect((await verifyBundle(linesOf(dropped), pinned)).ok).toBe(false);

    // The offline verifier an auditor runs on the downloaded files.
    const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
    writeFileSync(join(dir, 'keys.json'), JSON.stringify(key.verifyKeys));
    writeFileSync(join(dir, 'good.ndjson'), `${clear.join('\n')}\n`);
    writeFileSync(join(dir, 'bad.ndjson'), `${tampered.join('\n')}\n`);
    const cli = (file: string) =>
      spawnSync(
        'node',
        ['scripts/run-ts.cjs', 'apps/review/src/audit/verify-bundle.cli.ts', join(dir, file), join(dir, 'keys.json')],
        {
          encoding: 'utf8',
        },
      );
    const good = cli('good.ndjson');
    const bad = cli('bad.ndjson');
    expect({ status: good.status, out: good.stdout }).toEqual({
      status: 0,
      out: expect.stringContaining(`OK: ${ledger[0].n} decisions, unmasked`) as string,
    });
    expect({ status: bad.status, err: bad.stderr }).toEqual({
      status: 1,
      err: expect.stringContaining('content digest mismatch') as string,
    });
  });

  it('should keep maker and checker apart and backtest a draft against stored decisions', async () => {
    const policies = (await t.call(tokens.risk1, 'GET', '/policies')).body as {
      id: string;
      rules: { pdCutoffs: { autoDeclineMinPd: number } };
    }[];
    const rules = structuredClone(policies[0].rules);
    rules.pdCutoffs.autoDeclineMinPd = 0.1;
    const draft = (await post('risk1', '/policies', { rules, note: 'stricter decline cut-off' })).body as {
      id: string;
      version: number;
      diffAgainstActive: unknown[];
    };
    expect(draft.diffAgainstActive).toEqual([{ path: 'pdCutoffs.autoDeclineMinPd', from: 0.35, to: 0.1 }]);
    const backtest = (await post('risk1', `/policies/${draft.id}/backtest`)).body as {
      evaluated: number;
      changed: number;
    };
    expect(backtest.evaluated).toBeGreaterThanOrEqual(4);
    expect(backtest.changed).toBeGreaterThanOrEqual(1);
    expect((await post('risk1', `/policies/${draft.id}/activate`)).body).toMatchObject({
      code: 'POLICY_MAKER_CHECKER_SAME_PERSON',
    });
    const risk2 = await t.login('risk2');
    expect((await t.call(risk2, 'POST', `/policies/${draft.id}/activate`)).body).toMatchObject({
      status: 'ACTIVE',
      activatedBy: 'risk2',
    });
  });
});

async function* linesOf(lines: string[]): AsyncGenerator<string> {
  for (const line of lines) {
    yield await Promise.resolve(line);
  }
}
