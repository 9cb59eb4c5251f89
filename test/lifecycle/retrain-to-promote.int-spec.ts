/**
 * @jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadConfig } from '@loanmesh/config';
import { fetchHttpWith, localServiceHeaders } from '@loanmesh/service-auth';
import { waitFor } from '@loanmesh/testing';

import {
  httpJson,
  type InferenceTestApp,
  promoteThroughRequest,
  startInferenceApp,
} from '../../apps/inference/src/testing/inference-test.app';
import { committedChampion } from '../../apps/inference/src/testing/committed-champion';
import { FeaturesEventFactory } from '../../apps/inference/src/testing/features-event.factory';
import { httpInference } from '../../apps/trainer/src/retrain/inference.client';
import { runRetrainCli } from '../../apps/trainer/src/retrain/retrain.cli';
import { retrainConfigShape } from '../../apps/trainer/src/retrain/retrain.config';
import { writeSyntheticHistory } from '../../apps/trainer/src/testing/history-files';

jest.setTimeout(600000);

const SCORED = 140;
const SEED = 4242;

interface Model {
  id: string;
  label: string;
  state: string;
}

describe('Retrain to promote: retrain, shadow, maker/checker promotion, rollback, without a restart', () => {
  const champion = committedChampion();
  const work = mkdtempSync(join(tmpdir(), 'retrain-'));
  const modelDir = join(work, 'models');
  const historyDir = join(work, 'history');
  let t: InferenceTestApp;

  beforeAll(async () => {
    writeSyntheticHistory(historyDir, 2400, SEED + 1);
    // Card AUCs compare the world champion's test year with the synthetic history's: not the same rows.
    t = await startInferenceApp({ PROMOTION_AUC_MARGIN: '0.3', RETRAIN_MODEL_DIR: modelDir });
  }, 180000);

  afterAll(async () => {
    await t?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('should register only a gated challenger in shadow, promote it with two people live, and roll it back', async () => {
    // Applications scored by the champion, then their matured outcomes (true default draws of the synthetic world).
    const events = new FeaturesEventFactory(SEED);
    const batch = Array.from({ length: SCORED }, () => events.buildLabelled());
    const ids = batch.map((b) => b.event.payload.application.applicationId);
    await t.publish(batch.map((b) => b.event));
    await waitFor(async () => ((await t.championRows(ids)).length >= SCORED ? true : undefined), 120000, 'all scored');
    const labelled = await httpJson(
      'POST',
      `${t.baseUrl}/models/outcomes`,
      { by: 'core-banking', outcomes: batch.map((b, i) => ({ applicationId: ids[i], defaulted: b.defaulted })) },
      localServiceHeaders('inference', { issuer: 'review', subject: 'system' }),
    );
    expect(labelled).toEqual({ status: 200, body: { recorded: SCORED } });
    const before = await models();

    const refused = await runRetrain({ RETRAIN_MIN_REASON_OVERLAP: '1' });

    expect(refused.code).toBe(1);
    expect(refused.err).toContain('FAIL reason-stability');
    expect(refused.err).toContain('not registered: failed reason-stability');
    expect(await models()).toEqual(before);
    expect(existsSync(join(modelDir, `${champion.name}.onnx`))).toBe(false);

    // The challenger learns the synthetic world, the champion the generated one: their reasons
    // overlap far less (0.29 measured) than a retrain of the champion on its own world would.
    const passed = await runRetrain({ RETRAIN_MIN_REASON_OVERLAP: '0.2' });

    expect(passed.err).toBe('');
    expect(passed.code).toBe(0);
    expect(passed.out).toContain(`champion ${champion.label} → challenger ${champion.name}`);
    expect(passed.out).toMatch(/PASS onnx-parity.*\n.*PASS outcomes.*\n.*PASS calibration.*\n.*PASS reason-stability/);
    const shadow = (await models()).find((m) => m.label === `${champion.name}:v2`)!;
    expect(shadow.state).toBe('challenger');
    await expectScoredBy('challenger', shadow.label);

    const sameUser = await promoteThroughRequest(t.baseUrl, shadow.id, 'champion', {
      maker: 'risk1',
      checker: 'risk1',
    });
    expect(sameUser.status).toBe(403);
    expect(sameUser.body.code).toBe('PROMOTION_SAME_USER');
    const promoted = await promoteThroughRequest(t.baseUrl, shadow.id, 'champion');
    expect(promoted.status).toBe(200);
    await expectScoredBy('champion', shadow.label);
    const detail = await httpJson('GET', `${t.baseUrl}/models/${shadow.id}`);
    const log = detail.body.promotions as { from: string; to: string; by: string }[];
    expect(log.map((p) => [p.from, p.to, p.by])).toEqual([
      ['candidate', 'challenger', 'ops1'],
      ['challenger', 'champion', 'risk2'],
    ]);
    const requests = await httpJson('GET', `${t.baseUrl}/promotion-requests?status=approved`);
    expect(requests.body.requests).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ modelId: shadow.id, to: 'champion', requestedBy: 'risk1', approvedBy: 'risk2' }),
      ]),
    );

    const rolledBack = await httpJson(
      'POST',
      `${t.baseUrl}/models/rollback`,
      { reason: 'retrained model misbehaves' },
      localServiceHeaders('inference', { issuer: 'operator', subject: 'ops1' }),
    );
    expect(rolledBack.status).toBe(200);
    await expectScoredBy('champion', champion.label);
  });

  async function runRetrain(env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const config = loadConfig(retrainConfigShape, { RETRAIN_MODEL_DIR: modelDir, ...env });
    const http = fetchHttpWith((actor) =>
      localServiceHeaders('inference', { issuer: 'operator', ...(actor ? { subject: actor } : {}) }),
    );
    const code = await runRetrainCli(
      ['--history', historyDir, '--by', 'ops1'],
      { out: (l) => out.push(l), err: (l) => err.push(l) },
      config,
      httpInference(t.baseUrl, http),
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  async function models(): Promise<Model[]> {
    return (await httpJson('GET', `${t.baseUrl}/models`)).body as unknown as Model[];
  }

  /**
   * A new application is scored in `role` by `label`: the serving set changed without a restart.
   * One application at a time, each waited for until scored; the next is sent only when the
   * previous was scored by another model (one already fetched when the swap happened).
   */
  async function expectScoredBy(role: 'champion' | 'challenger', label: string): Promise<void> {
    const seen: string[] = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      const event = t.events.build();
      const id = event.payload.application.applicationId;
      await t.publish([event]);
      const versions = await waitFor(
        async () => {
          const rows: { model_version: string }[] = await t.dataSource.query(
            'SELECT model_version FROM inference.scored_applications WHERE application_id = $1 AND role = $2',
            [id, role],
          );
          return rows.length > 0 ? rows.map((r) => r.model_version) : undefined;
        },
        60000,
        `application ${id} scored as ${role}`,
      );
      if (versions.includes(label)) {
        return;
      }
      seen.push(...versions);
    }
    throw new Error(`no application scored as ${role} by ${label}; scored by ${seen.join(', ')}`);
  }
});
