import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DataSource } from 'typeorm';

import { labelledSampleSchema } from '@loanmesh/contracts';

import { CaseEventEntity } from '../cases/case-event.entity';
import type { QueuePage } from '../cases/queue-page';
import { AutomaticDecisionService } from '../decisions/automatic-decision.service';
import { DecisionEntity } from '../decisions/decision.entity';
import { type ReviewTestApp, startReviewTestApp } from '../testing/review-test-app';
import { scoredEvent } from '../testing/scored-event.factory';
import { runLabelsCli } from './cli/labels.command';
import type { KindAgreement } from './label-agreement.service';
import type { LabelTaskView } from './labelling.service';

jest.setTimeout(120000);

describe('Labelling tool chain (real PostgreSQL)', () => {
  let t: ReviewTestApp;
  let ds: DataSource;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startReviewTestApp({ LABELS_REQUIRED_LABELLERS: '2' });
    ds = t.app.get(DataSource);
    for (const u of ['officer1', 'officer2', 'senior1', 'senior2', 'risk1']) {
      tokens[u] = await t.login(u);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  async function referredCase(): Promise<{ caseId: string; applicationId: string }> {
    const event = scoredEvent({ pd: 0.12, grade: 'C' });
    await t.app.get(AutomaticDecisionService).decide(event);
    const applicationId = event.payload.application.applicationId;
    const queue = ((await t.call(tokens.officer1, 'GET', '/cases?pageSize=200')).body as QueuePage).items;
    return { caseId: queue.find((c) => c.applicationId === applicationId)!.id, applicationId };
  }
  const post = (user: string, path: string, body?: unknown) => t.call(tokens[user], 'POST', path, body);
  async function fraudTask(): Promise<{ task: LabelTaskView; caseId: string; applicationId: string }> {
    const c = await referredCase();
    const created = await post('senior1', '/labelling/tasks', { caseId: c.caseId, subject: { kind: 'FRAUD' } });
    expect(created.status).toBe(201);
    return { task: created.body as LabelTaskView, ...c };
  }
  const fraudKappa = async () =>
    ((await t.call(tokens.risk1, 'GET', '/labelling/agreement')).body as KindAgreement[]).find(
      (a) => a.kind === 'FRAUD',
    )!;

  it('should send a disagreement to a senior, show it in kappa, and export the adjudicated label with lineage', async () => {
    // An agreed sample first, so kappa has a category each rater used: one agreement, one disagreement.
    const agreed = await fraudTask();
    await post('officer1', `/labelling/tasks/${agreed.task.id}/labels`, { value: 'NOT_FRAUD' });
    const second = await post('officer2', `/labelling/tasks/${agreed.task.id}/labels`, { value: 'NOT_FRAUD' });
    expect(second.body).toMatchObject({ status: 'AGREED', finalValue: 'NOT_FRAUD' });
    expect(await fraudKappa()).toMatchObject({ samples: 1, n: 1, observed: 1, kappa: null });

    const { task, caseId, applicationId } = await fraudTask();
    expect((await post('officer1', `/labelling/tasks/${task.id}/labels`, { value: 'FRAUD' })).body).toMatchObject({
      status: 'OPEN',
      labellerCount: 1,
    });
    const disagreed = await post('officer2', `/labelling/tasks/${task.id}/labels`, { value: 'NOT_FRAUD' });
    expect(disagreed.body).toMatchObject({ status: 'NEEDS_ADJUDICATION', finalValue: null });
    // Pairs (NOT_FRAUD, NOT_FRAUD) and (FRAUD, NOT_FRAUD): observed 1/2; rater A half each,
    // rater B always NOT_FRAUD: expected 0.5*1 = 0.5; kappa (0.5 - 0.5) / 0.5 = 0.
    expect(await fraudKappa()).toMatchObject({ samples: 2, n: 2, observed: 0.5, expected: 0.5, kappa: 0 });

    const queue = (await t.call(tokens.senior2, 'GET', '/labelling/tasks?scope=adjudication')).body as LabelTaskView[];
    expect(queue.map((q) => q.id)).toContain(task.id);
    const adjudicated = await post('senior2', `/labelling/tasks/${task.id}/adjudicate`, {
      value: 'FRAUD',
      note: 'shared phone number with a shell company',
    });
    expect(adjudicated).toMatchObject({
      status: 200,
      body: { status: 'ADJUDICATED', finalValue: 'FRAUD', adjudicatedBy: 'senior2' },
    });
    const audit = await ds
      .getRepository(CaseEventEntity)
      .findOneOrFail({ where: { caseId, action: 'LABEL_ADJUDICATED' } });
    expect(audit).toMatchObject({ actor: 'senior2', details: { taskId: task.id, value: 'FRAUD', kind: 'FRAUD' } });
    expect(
      (await post('senior1', `/labelling/tasks/${task.id}/adjudicate`, { value: 'NOT_FRAUD', note: 'again' })).status,
    ).toBe(409);

    const out = join(mkdtempSync(join(tmpdir(), 'labels-export-')), 'labels.jsonl');
    const lines: string[] = [];
    const code = await runLabelsCli(
      ['export', '--out', out],
      { out: (l) => lines.push(l), err: (l) => lines.push(l) },
      {
        DATABASE_URL: t.ownerUrl,
      },
    );
    expect(code).toBe(0);
    expect(lines).toEqual([`wrote 2 labelled samples to ${out}`]);
    const samples = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => labelledSampleSchema.parse(JSON.parse(l)));
    const decision = await ds
      .getRepository(DecisionEntity)
      .findOneOrFail({ where: { applicationId, automatic: true } });
    expect(samples.find((s) => s.taskId === task.id)).toEqual({
      taskId: task.id,
      kind: 'FRAUD',
      subject: { kind: 'FRAUD' },
      value: 'FRAUD',
      target: 1,
      resolution: 'ADJUDICATED',
      caseId,
      applicationId,
      decisionId: decision.id,
      modelVersion: 'gbm-test-1',
      labels: [
        expect.objectContaining({ labeller: 'officer1', value: 'FRAUD', version: 1 }),
        expect.objectContaining({ labeller: 'officer2', value: 'NOT_FRAUD', version: 1 }),
      ],
      labellers: ['officer1', 'officer2'],
      adjudicator: 'senior2',
      adjudicatedAt: expect.any(String) as string,
      featureNames: ['leverage', 'termMonths', 'addressCrowding'],
      featureVector: [0.4, 24, 1],
    });
    expect(samples.find((s) => s.taskId === agreed.task.id)).toMatchObject({
      resolution: 'AGREED',
      target: 0,
      adjudicator: null,
      labellers: ['officer1', 'officer2'],
    });
  });

  it('should refuse the same labeller labelling a sample twice, and keep a revision as a new version', async () => {
    const { task } = await fraudTask();
    await post('officer1', `/labelling/tasks/${task.id}/labels`, { value: 'FRAUD' });
    const twice = await post('officer1', `/labelling/tasks/${task.id}/labels`, { value: 'NOT_FRAUD' });
    expect(twice).toMatchObject({ status: 409, body: { code: 'LABEL_ALREADY_LABELLED' } });
    const revised = await post('officer1', `/labelling/tasks/${task.id}/labels/revise`, {
      value: 'NOT_FRAUD',
      fromVersion: 1,
    });
    expect(revised.body).toMatchObject({ status: 'OPEN', labellerCount: 1 });
    const stale = await post('officer1', `/labelling/tasks/${task.id}/labels/revise`, {
      value: 'FRAUD',
      fromVersion: 1,
    });
    expect(stale).toMatchObject({ status: 409, body: { code: 'LABEL_STALE_VERSION' } });
    const rows = await ds.query<{ labeller: string; value: string; version: number }[]>(
      `SELECT labeller, value, version FROM review.task_labels WHERE task_id = $1 ORDER BY id`,
      [task.id],
    );
    expect(rows).toEqual([
      { labeller: 'officer1', value: 'FRAUD', version: 1 },
      { labeller: 'officer1', value: 'NOT_FRAUD', version: 2 },
    ]);
    await expect(
      ds.query(`UPDATE review.task_labels SET value = 'FRAUD' WHERE task_id = $1`, [task.id]),
    ).rejects.toThrow(/append-only|permission denied/);
  });

  it('should refuse a labeller adjudicating their own sample and accept a senior who did not label it', async () => {
    const { task } = await fraudTask();
    await post('senior1', `/labelling/tasks/${task.id}/labels`, { value: 'FRAUD' });
    await post('officer2', `/labelling/tasks/${task.id}/labels`, { value: 'NOT_FRAUD' });
    const own = await post('senior1', `/labelling/tasks/${task.id}/adjudicate`, { value: 'FRAUD', note: 'mine' });
    expect(own).toMatchObject({ status: 409, body: { code: 'LABEL_ADJUDICATOR_IS_LABELLER' } });
    expect(
      (await post('officer1', `/labelling/tasks/${task.id}/adjudicate`, { value: 'FRAUD', note: 'x' })).status,
    ).toBe(403);
    const other = await post('risk1', `/labelling/tasks/${task.id}/adjudicate`, {
      value: 'NOT_FRAUD',
      note: 'checked',
    });
    expect(other.body).toMatchObject({ status: 'ADJUDICATED', adjudicatedBy: 'risk1' });
  });

  it('should refuse a value that is not of the kind, and list to labellers only the samples they have not labelled', async () => {
    const { task } = await fraudTask();
    expect((await post('officer1', `/labelling/tasks/${task.id}/labels`, { value: 'SAME_ENTITY' })).status).toBe(400);
    await post('officer1', `/labelling/tasks/${task.id}/labels`, { value: 'FRAUD' });
    const mine = (await t.call(tokens.officer1, 'GET', '/labelling/tasks')).body as LabelTaskView[];
    const theirs = (await t.call(tokens.officer2, 'GET', '/labelling/tasks')).body as LabelTaskView[];
    expect(mine.map((m) => m.id)).not.toContain(task.id);
    expect(theirs.find((m) => m.id === task.id)).toMatchObject({ labellerCount: 1 });
    expect(theirs.find((m) => m.id === task.id)).not.toHaveProperty('labels');
  });
});
