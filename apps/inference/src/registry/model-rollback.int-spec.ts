/**
 * @jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs
 */
import { localServiceHeaders } from '@loanmesh/service-auth';
import { waitFor } from '@loanmesh/testing';

import {
  httpJson,
  type InferenceTestApp,
  promoteThroughRequest,
  startInferenceApp,
} from '../testing/inference-test.app';
import { committedChampion } from '../testing/committed-champion';

/** The champion an empty registry starts with: the one the selection rule recorded. */
const initial = committedChampion();

const asOperator = (subject?: string): Record<string, string> =>
  localServiceHeaders('inference', { issuer: 'operator', ...(subject ? { subject } : {}) });

describe('Rollback to the previous champion without a restart', () => {
  let t: InferenceTestApp;
  let models: { id: string; name: string; state: string }[];

  beforeAll(async () => {
    t = await startInferenceApp({ PROMOTION_AUC_MARGIN: '0.05' });
    models = (await httpJson('GET', `${t.baseUrl}/models`)).body as unknown as typeof models;
    const next = models.find((m) => m.name === 'world-scorecard-graph')!;
    expect((await promoteThroughRequest(t.baseUrl, next.id, 'champion')).status).toBe(200);
  }, 180000);

  afterAll(async () => {
    await t?.close();
  });

  const scoreOne = async (): Promise<string> => {
    const event = t.events.build();
    await t.publish([event]);
    const rows = await waitFor(
      async () => {
        const r = await t.championRows([event.payload.application.applicationId]);
        return r.length > 0 ? r : undefined;
      },
      30000,
      'scored',
    );
    return rows[0].modelVersion;
  };

  it('should refuse a rollback by the operator tool itself, without a person', async () => {
    const res = await httpJson('POST', `${t.baseUrl}/models/rollback`, { reason: 'x' }, asOperator());

    expect(res.status).toBe(403);
  });

  it('should serve the previous champion again and record who and why when rolled back', async () => {
    expect(await scoreOne()).toBe('world-scorecard-graph:v1');
    const previous = models.find((m) => m.name === initial.name)!;

    const res = await httpJson('POST', `${t.baseUrl}/models/rollback`, { reason: 'bad grades' }, asOperator('alice'));

    expect(res.status).toBe(200);
    expect(await scoreOne()).toBe(initial.label);
    const detail = await httpJson('GET', `${t.baseUrl}/models/${previous.id}`);
    expect(detail.body.state).toBe('champion');
    expect(JSON.stringify(detail.body)).toMatch(
      /"by":"alice","at":"[^"]+","note":"rollback from world-scorecard-graph:v1: bad grades"/,
    );
  });

  it('should refuse a second rollback: the rolled-back model is never the standby', async () => {
    const res = await httpJson('POST', `${t.baseUrl}/models/rollback`, { reason: 'again' }, asOperator('alice'));

    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ROLLBACK_NO_STANDBY');
  });
});
