/**
 * @jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs
 */
import { waitFor } from '@loanmesh/testing';
import { localServiceHeaders } from '@loanmesh/service-auth';

import { committedChampion, otherGbm } from '../testing/committed-champion';
import {
  asReview,
  httpJson,
  type InferenceTestApp,
  promoteThroughRequest,
  startInferenceApp,
} from '../testing/inference-test.app';

interface ModelRow {
  id: string;
  name: string;
  state: string;
}

describe('Model registry API with real PostgreSQL', () => {
  const champion = committedChampion();
  let t: InferenceTestApp;
  const byName = async (name: string): Promise<ModelRow> => {
    const list = (await httpJson('GET', `${t.baseUrl}/models`)).body as unknown as ModelRow[];
    return list.find((m) => m.name === name)!;
  };

  beforeAll(async () => {
    t = await startInferenceApp();
  }, 120000);

  afterAll(async () => {
    await t?.close();
  });

  it('should register the model directory with the champion the selection rule recorded when starting empty', async () => {
    const list = (await httpJson('GET', `${t.baseUrl}/models`)).body as unknown as ModelRow[];

    expect(list.map((m) => m.name).sort()).toEqual([
      'world-gbm-graph',
      'world-gbm-tabular',
      'world-scorecard-graph',
      'world-scorecard-tabular',
    ]);
    expect(list.filter((m) => m.state === 'champion').map((m) => m.name)).toEqual([champion.name]);
  });

  it('should refuse with 422 and the figures when the candidate AUC is worse than the margin allows', async () => {
    const weak = await byName('world-scorecard-tabular');

    const res = await promoteThroughRequest(t.baseUrl, weak.id, 'champion');

    expect(res.status).toBe(422);
    expect(res.body.code).toBe('PROMOTION_AUC_GATE_FAILED');
    expect(res.body.message).toMatch(/AUC 0\.7\d+, more than 0\.01 below champion /);
    expect(res.body.message).toContain(`below champion ${champion.label}`);
    expect((await byName('world-scorecard-tabular')).state).toBe('candidate');
  });

  it('should refuse with 409 when retiring the champion', async () => {
    const current = await byName(champion.name);

    const res = await promoteThroughRequest(t.baseUrl, current.id, 'retired');

    expect(res.status).toBe(409);
  });

  it('should reject a malformed promotion with 400 when the target state is unknown', async () => {
    const current = await byName(champion.name);

    const res = await promoteThroughRequest(t.baseUrl, current.id, 'emperor');

    expect(res.status).toBe(400);
  });

  it('should shadow-score and report the comparison when a challenger is promoted', async () => {
    const challenger = await byName('world-scorecard-graph');
    const promoted = await promoteThroughRequest(t.baseUrl, challenger.id, 'challenger', {
      maker: 'alice',
      checker: 'bob',
    });
    const events = Array.from({ length: 20 }, () => t.events.build());

    await t.publish(events);
    await waitFor(
      async () =>
        (await t.championRows(events.map((e) => e.payload.application.applicationId))).length >= 20 ? true : undefined,
      30000,
      'scored',
    );
    const labelled = await httpJson('POST', `${t.baseUrl}/models/outcomes`, {
      by: 'collections',
      outcomes: events.map((e, i) => ({ applicationId: e.payload.application.applicationId, defaulted: i % 4 === 0 })),
    });
    const report = await httpJson('GET', `${t.baseUrl}/models/comparison`);
    const detail = await httpJson('GET', `${t.baseUrl}/models/${challenger.id}`);

    expect(promoted.status).toBe(200);
    const pairs = report.body.pairs as {
      championVersion: string;
      challengerVersion: string;
      applications: number;
      gradeAgreement: number;
      championAuc: number | null;
      challengerAuc: number | null;
      labelledOutcomes: number;
    }[];
    const pair = pairs.find((p) => p.challengerVersion === 'world-scorecard-graph:v1')!;
    expect(pair.championVersion).toBe(champion.label);
    expect(pair.applications).toBeGreaterThanOrEqual(20);
    expect(pair.gradeAgreement).toBeGreaterThanOrEqual(0);
    expect(pair.gradeAgreement).toBeLessThanOrEqual(1);
    expect(labelled.body).toEqual({ recorded: 20 });
    expect(pair.labelledOutcomes).toBe(20);
    expect(pair.championAuc).toBeGreaterThanOrEqual(0);
    expect(pair.championAuc).toBeLessThanOrEqual(1);
    expect(pair.challengerAuc).toBeGreaterThanOrEqual(0);
    expect(detail.body.promotions).toEqual([
      expect.objectContaining({ from: 'candidate', to: 'challenger', by: 'bob' }),
    ]);
  });

  it('should reject the change when someone tries to rewrite the promotion log', async () => {
    await expect(t.dataSource.query(`DELETE FROM inference.model_promotions`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM inference.model_promotion_approvals`)).rejects.toThrow(/append-only/);
    await expect(
      t.dataSource.query(`UPDATE inference.model_promotion_requests SET requested_by = 'x'`),
    ).rejects.toThrow(/append-only/);
  });

  it('should let only another person approve a promotion request, once, and only through review', async () => {
    const candidate = await byName(otherGbm(champion.name));
    const body = { modelId: candidate.id, to: 'challenger', reason: 'four eyes' };
    const fromTools = await httpJson('POST', `${t.baseUrl}/promotion-requests`, body, localServiceHeaders('inference'));
    const asService = await httpJson('POST', `${t.baseUrl}/promotion-requests`, body, asReview('review'));
    const requested = await httpJson('POST', `${t.baseUrl}/promotion-requests`, body, asReview('carol'));
    const approveUrl = `${t.baseUrl}/promotion-requests/${String(requested.body.id)}/approve`;
    const pending = await httpJson('GET', `${t.baseUrl}/promotion-requests?status=pending`);
    const byMaker = await httpJson('POST', approveUrl, {}, asReview('carol'));
    const stillCandidate = (await byName(otherGbm(champion.name))).state;
    const byChecker = await httpJson('POST', approveUrl, {}, asReview('dave'));
    const again = await httpJson('POST', approveUrl, {}, asReview('erin'));
    const detail = await httpJson('GET', `${t.baseUrl}/models/${candidate.id}`);

    expect([fromTools.status, fromTools.body.code]).toEqual([403, 'SERVICE_CALLER_FORBIDDEN']);
    expect([asService.status, asService.body.code]).toEqual([403, 'PROMOTION_NEEDS_PERSON']);
    expect(requested.status).toBe(201);
    expect((pending.body.requests as { id: string }[]).map((r) => r.id)).toContain(requested.body.id);
    expect([byMaker.status, byMaker.body.code, stillCandidate]).toEqual([403, 'PROMOTION_SAME_USER', 'candidate']);
    expect(byChecker.status).toBe(200);
    expect(byChecker.body.request).toMatchObject({ requestedBy: 'carol', approvedBy: 'dave' });
    expect([again.status, again.body.code]).toEqual([409, 'PROMOTION_REQUEST_DECIDED']);
    expect(detail.body.promotions).toEqual(
      expect.arrayContaining([expect.objectContaining({ to: 'challenger', by: 'dave' })]),
    );
  });

  it('should report ready when the champion is loaded', async () => {
    const res = await httpJson('GET', `${t.baseUrl}/health/ready`);

    expect(res.status).toBe(200);
    expect(res.body.checks).toMatchObject({ 'champion-model': 'up' });
  });

  it('should reject outcome labels with 400 when an outcome is not a boolean', async () => {
    const res = await httpJson('POST', `${t.baseUrl}/models/outcomes`, {
      by: 'x',
      outcomes: [{ applicationId: 'a', defaulted: 'yes' }],
    });

    expect(res.status).toBe(400);
    expect(res.body.code).toBe('OUTCOMES_INVALID');
  });
});
