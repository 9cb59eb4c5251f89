/**
 * @jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs
 */
import { type ApplicationScoredEvent, DEFAULT_PARTITIONS, Topics } from '@loanmesh/contracts';
import { waitFor } from '@loanmesh/testing';

import { ScoredApplicationEntity } from '../scoring/scored-application.entity';
import { committedChampion } from '../testing/committed-champion';
import {
  httpJson,
  type InferenceTestApp,
  promoteThroughRequest,
  startInferenceApp,
} from '../testing/inference-test.app';

const TOTAL = 1000;

describe('Hot swap of the champion during a live stream', () => {
  const champion = committedChampion();
  let t: InferenceTestApp;

  beforeAll(async () => {
    t = await startInferenceApp({ PROMOTION_AUC_MARGIN: '0.05' });
  }, 120000);

  afterAll(async () => {
    await t?.close();
  });

  it('should score every one of 1,000 applications exactly once with one model version each when promoted mid-stream', async () => {
    const events = Array.from({ length: TOTAL }, () => t.events.build());
    const ids = events.map((e) => e.payload.application.applicationId);
    const models = (await httpJson('GET', `${t.baseUrl}/models`)).body as unknown as { id: string; name: string }[];
    const next = models.find((m) => m.name === 'world-scorecard-graph')!;
    const count = async (): Promise<number> => (await t.championRows(ids)).length;
    const published = await t.kafka.capture([Topics.applicationScored]);
    const wanted = new Set(ids);
    const publishedMine = (): ApplicationScoredEvent[] =>
      published
        .map((r) => JSON.parse(r.value?.toString() ?? '{}') as ApplicationScoredEvent)
        .filter((e) => wanted.has(e.payload?.application?.applicationId));

    const producing = (async () => {
      for (let i = 0; i < TOTAL; i += 50) {
        await t.publish(events.slice(i, i + 50));
        await new Promise((r) => setTimeout(r, 60));
      }
    })();
    await waitFor(async () => ((await count()) >= 300 ? true : undefined), 60000, '300 scored before the swap');
    const promoted = await promoteThroughRequest(t.baseUrl, next.id, 'champion');
    await producing;
    await waitFor(async () => ((await count()) >= TOTAL ? true : undefined), 120000, 'all applications scored');
    await waitFor(() => (publishedMine().length >= TOTAL ? true : undefined), 60000, 'all scored events on Kafka');
    // One marker per partition behind the stream: once every marker is announced, every
    // earlier record has been consumed and relayed, so a late duplicate would show below.
    const markers = Array.from({ length: DEFAULT_PARTITIONS }, () => t.events.build());
    await t.kafka.produce(
      Topics.graphFeaturesComputed,
      markers.map((e, partition) => ({ key: e.payload.application.companyId, value: JSON.stringify(e), partition })),
    );
    const markerIds = new Set(markers.map((e) => e.payload.application.applicationId));
    await waitFor(
      () =>
        published.filter((r) => markerIds.has(scoredApplicationId(r.value) ?? '')).length >= DEFAULT_PARTITIONS
          ? true
          : undefined,
      60000,
      'a marker scored on every partition',
    );

    expect(promoted.status).toBe(200);
    const rows = await t.championRows(ids);
    expect(rows).toHaveLength(TOTAL);
    expect(new Set(rows.map((r) => r.applicationId)).size).toBe(TOTAL);
    const versions = new Map<string, number>();
    rows.forEach((r) => versions.set(r.modelVersion, (versions.get(r.modelVersion) ?? 0) + 1));
    expect([...versions.keys()].sort()).toEqual([champion.label, 'world-scorecard-graph:v1'].sort());
    expect(versions.get('world-scorecard-graph:v1')).toBeGreaterThan(0);
    const all = await t.dataSource.getRepository(ScoredApplicationEntity).count();
    expect(all).toBeGreaterThanOrEqual(TOTAL);
    const outbox = await t.dataSource.query<{ n: string }[]>(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT payload->>'causationId') AS d FROM inference.outbox WHERE payload->'payload'->'application'->>'applicationId' = ANY($1)`,
      [ids],
    );
    expect(outbox[0]).toEqual({ n: String(TOTAL), d: String(TOTAL) });
    const onKafka = publishedMine();
    expect(onKafka).toHaveLength(TOTAL);
    expect(new Set(onKafka.map((e) => e.payload.application.applicationId)).size).toBe(TOTAL);
    const stored = new Map(rows.map((r) => [r.applicationId, r.modelVersion]));
    expect(
      onKafka.every((e) => stored.get(e.payload.application.applicationId) === e.payload.champion.modelVersion),
    ).toBe(true);
  }, 240000);
});

function scoredApplicationId(value: Buffer | null): string | undefined {
  return (JSON.parse(value?.toString() ?? '{}') as Partial<ApplicationScoredEvent>).payload?.application?.applicationId;
}
