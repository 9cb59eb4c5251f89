/**
 * @jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs
 */
import { type ApplicationScoredEvent, Topics } from '@loanmesh/contracts';
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

/**
 * The champion's stored copy is corrupted while it serves; after a restart it cannot load, and
 * the previous champion, kept as the standby, scores from the first message on.
 */
describe('Hot standby when the champion is corrupt', () => {
  let first: InferenceTestApp | undefined;
  let t: InferenceTestApp;

  beforeAll(async () => {
    first = await startInferenceApp({ PROMOTION_AUC_MARGIN: '0.05' });
    const models = (await httpJson('GET', `${first.baseUrl}/models`)).body as unknown as { id: string; name: string }[];
    const next = models.find((m) => m.name === 'world-scorecard-graph')!;
    const promoted = await promoteThroughRequest(first.baseUrl, next.id, 'champion');
    expect(promoted.status).toBe(200);
    await first.dataSource.query(
      `UPDATE inference.model_artifacts a SET onnx = convert_to('not an onnx model', 'UTF8')
       FROM inference.model_versions v WHERE v.sha256 = a.sha256 AND v.id = $1`,
      [next.id],
    );
    const db = first.db;
    await first.close(true);
    first = undefined;
    t = await startInferenceApp({}, db);
  }, 240000);

  afterAll(async () => {
    await first?.close();
    await t?.close();
  });

  it('should score every application of the first batch with the standby, marked and not degraded', async () => {
    const events = Array.from({ length: 20 }, () => t.events.build());
    const ids = new Set(events.map((e) => e.payload.application.applicationId));
    const published = await t.kafka.capture([Topics.applicationScored]);

    await t.publish(events);
    const mine = await waitFor(
      () => {
        const got = published
          .map((r) => JSON.parse(r.value?.toString() ?? '{}') as ApplicationScoredEvent)
          .filter((e) => ids.has(e.payload?.application?.applicationId));
        return got.length >= ids.size ? got : undefined;
      },
      60000,
      'all scored events on Kafka',
    );

    expect(mine.every((e) => e.payload.champion.modelVersion === initial.label)).toBe(true);
    expect(mine.every((e) => !e.payload.degraded)).toBe(true);
    expect(mine[0].payload.standby?.reason).toMatch(/^CHAMPION_UNAVAILABLE: cannot load world-scorecard-graph:v1/);
    const rows = await t.championRows([...ids]);
    expect(rows).toHaveLength(ids.size);
    expect(rows.every((r) => r.modelVersion === initial.label && !r.degraded)).toBe(true);
  });

  it('should report the champion down and the standby serving in readiness', async () => {
    const res = await httpJson('GET', `${t.baseUrl}/health/ready`);

    expect(res.status).toBe(503);
    expect(JSON.stringify(res.body)).toMatch(
      new RegExp(`no champion model loaded: cannot load world-scorecard-graph:v1.*standby ${initial.label} serving`),
    );
  });
});
