/**
 * @jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { waitFor } from '@loanmesh/testing';

import { httpJson, type InferenceTestApp, startInferenceApp } from '../testing/inference-test.app';

/**
 * Pins the graph GBM as champion (INITIAL_CHAMPION), whatever the selection rule picks: the
 * fallback is the tabular GBM, so the test needs a champion that is a different model.
 */
describe('Fallback when the champion model file is corrupt', () => {
  const CHAMPION = 'world-gbm-graph';
  let t: InferenceTestApp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'inference-models-'));
    cpSync('models/world', dir, { recursive: true });
    writeFileSync(join(dir, `${CHAMPION}.onnx`), Buffer.from('this is not an onnx model'));
    t = await startInferenceApp({ MODEL_DIR: dir, INITIAL_CHAMPION: CHAMPION });
  }, 120000);

  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should report not ready with the reason when the champion cannot load', async () => {
    const res = await httpJson('GET', `${t.baseUrl}/health/ready`);

    expect(res.status).toBe(503);
    expect(JSON.stringify(res.body)).toMatch(
      /champion-model.*down: no champion model loaded: cannot load world-gbm-graph:v1/,
    );
  });

  it('should keep scoring with the tabular model marked degraded when the champion cannot load', async () => {
    const events = Array.from({ length: 10 }, () => t.events.build());
    const ids = events.map((e) => e.payload.application.applicationId);

    await t.publish(events);
    const rows = await waitFor(
      async () => {
        const r = await t.championRows(ids);
        return r.length === ids.length ? r : undefined;
      },
      30000,
      'all scored',
    );

    expect(rows.every((r) => r.modelVersion === 'world-gbm-tabular:v1')).toBe(true);
    expect(rows.every((r) => r.degraded)).toBe(true);
    expect(rows[0].degradedReasons[0]).toMatch(/^CHAMPION_UNAVAILABLE: cannot load world-gbm-graph:v1/);
  });
});
