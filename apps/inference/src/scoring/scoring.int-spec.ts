/**
 * @jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs
 */
import { type ApplicationScoredEvent, DeadLetterTopics, Headers, Topics } from '@loanmesh/contracts';
import { type CapturedRecord, waitFor } from '@loanmesh/testing';

import { committedChampion } from '../testing/committed-champion';
import { httpJson, type InferenceTestApp, startInferenceApp } from '../testing/inference-test.app';

function scoredFor(records: CapturedRecord[], applicationId: string): ApplicationScoredEvent[] {
  return records
    .map((r) => JSON.parse(r.value?.toString() ?? '{}') as ApplicationScoredEvent)
    .filter((e) => e.payload?.application?.applicationId === applicationId);
}

describe('ScoringConsumer with real Kafka and PostgreSQL', () => {
  const champion = committedChampion();
  let t: InferenceTestApp;
  let scored: CapturedRecord[];

  beforeAll(async () => {
    t = await startInferenceApp();
    scored = await t.kafka.capture([Topics.applicationScored]);
  }, 120000);

  afterAll(async () => {
    await t?.close();
  });

  it('should publish a scored event with reasons through the outbox and store it when features are OK', async () => {
    const event = t.events.build({
      explanations: [{ feature: 'defaultedNeighbourShare', severity: 'HIGH', text: 'Linked to 3 defaulted companies' }],
    });
    const id = event.payload.application.applicationId;

    await t.publish([event]);
    const [out] = await waitFor(
      () => (scoredFor(scored, id).length ? scoredFor(scored, id) : undefined),
      30000,
      'scored',
    );

    const p = out.payload;
    expect(out.causationId).toBe(event.eventId);
    expect(p.champion.modelVersion).toBe(champion.label);
    expect(p.champion.modelSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(p.champion.reasons.length).toBeGreaterThan(0);
    expect(p.champion.reasons.length).toBeLessThanOrEqual(4);
    expect(p.champion.reasons.some((r) => r.source === 'GRAPH' && r.text === 'Linked to 3 defaulted companies')).toBe(
      true,
    );
    expect(p.degraded).toBe(false);
    expect(p.hops.scoredAt).toBeGreaterThan(0);
    expect(p.featureVector).toHaveLength(p.featureNames.length);
    const rows = await t.championRows([id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].probabilityOfDefault).toBeCloseTo(p.champion.probabilityOfDefault, 6);
  });

  it('should store and publish once when the same event is delivered twice', async () => {
    const event = t.events.build();
    const id = event.payload.application.applicationId;

    await t.publish([event, event]);
    await waitFor(() => (scoredFor(scored, id).length ? true : undefined), 30000, 'scored');
    const marker = t.events.build();
    await t.publish([
      {
        ...marker,
        payload: {
          ...marker.payload,
          company: event.payload.company,
          application: { ...marker.payload.application, companyId: event.payload.application.companyId },
        },
      },
    ]);
    const markerId = marker.payload.application.applicationId;
    await waitFor(
      () => (scoredFor(scored, markerId).length ? true : undefined),
      30000,
      'marker scored after the duplicate',
    );

    expect(await t.championRows([id])).toHaveLength(1);
    expect(scoredFor(scored, id)).toHaveLength(1);
  });

  it('should score with the tabular model and mark degraded when the features event is DEGRADED', async () => {
    const event = t.events.build({ degraded: true });
    const id = event.payload.application.applicationId;

    await t.publish([event]);
    const [out] = await waitFor(
      () => (scoredFor(scored, id).length ? scoredFor(scored, id) : undefined),
      30000,
      'scored',
    );

    expect(out.payload.degraded).toBe(true);
    expect(out.payload.champion.modelVersion).toBe('world-gbm-tabular:v1');
    expect(out.payload.degradedReasons[0]).toMatch(/^GRAPH_FEATURES_UNAVAILABLE/);
    expect(out.payload.featureNames.some((n) => n.startsWith('graph_'))).toBe(false);
    const [row] = await t.championRows([id]);
    expect(row.degraded).toBe(true);
  });

  it('should dead-letter a malformed features event with its reason and keep scoring when one arrives', async () => {
    const dlq = await t.kafka.capture([DeadLetterTopics.inference]);
    const bad = t.events.build();
    const good = t.events.build();
    const broken = { ...bad, payload: { ...bad.payload, status: 'MAYBE' } };

    await t.kafka.produce(Topics.graphFeaturesComputed, [
      { key: 'same', value: JSON.stringify(broken) },
      { key: 'same', value: JSON.stringify(good) },
    ]);
    const goodId = good.payload.application.applicationId;
    await waitFor(() => (scoredFor(scored, goodId).length ? true : undefined), 30000, 'event after the poison one');
    const dead = await waitFor(() => dlq.find((d) => d.value?.toString().includes(bad.eventId)), 30000, 'dead letter');

    expect(dead.headers[Headers.deadLetterCode]).toBe('SCHEMA_VIOLATION');
    expect(await t.championRows([bad.payload.application.applicationId])).toHaveLength(0);
  });

  it('should dead-letter a features event reusing a scored event id with other content and score nothing for it', async () => {
    const dlq = await t.kafka.capture([DeadLetterTopics.inference]);
    const first = t.events.build();
    const reuse = { ...t.events.build(), eventId: first.eventId };
    const [firstId, reuseId] = [first.payload.application.applicationId, reuse.payload.application.applicationId];
    await t.publish([first]);
    await waitFor(() => (scoredFor(scored, firstId).length ? true : undefined), 30000, 'first scored');

    await t.publish([reuse]);

    const dead = await waitFor(() => dlq.find((d) => d.value?.toString().includes(reuseId)), 30000, 'dead letter');
    expect(dead.headers[Headers.deadLetterCode]).toBe('EVENT_ID_CONFLICT');
    expect(dead.headers[Headers.deadLetterReason]).toContain(`event id ${first.eventId}`);
    expect(await t.championRows([reuseId])).toHaveLength(0);
  });

  it('should replay a stored decision with its pinned model version and refuse a different file or shape', async () => {
    const event = t.events.build();
    const id = event.payload.application.applicationId;
    await t.publish([event]);
    const [out] = await waitFor(
      () => (scoredFor(scored, id).length ? scoredFor(scored, id) : undefined),
      30000,
      'scored',
    );
    const { modelVersion, modelSha256, probabilityOfDefault, riskGrade } = out.payload.champion;
    const replay = (body: unknown) => httpJson('POST', `${t.baseUrl}/models/replay`, body);

    const same = await replay({ modelVersion, modelSha256, featureVector: out.payload.featureVector });
    const otherFile = await replay({
      modelVersion,
      modelSha256: 'f'.repeat(64),
      featureVector: out.payload.featureVector,
    });
    const unknown = await replay({ modelVersion: 'no-such-model:v9', modelSha256, featureVector: [1] });
    const wrongShape = await replay({ modelVersion, modelSha256, featureVector: [0.5, 1] });
    const invalid = await replay({ modelVersion: 'no version', modelSha256, featureVector: [] });

    expect(same).toEqual({
      status: 200,
      body: { modelVersion, registeredSha256: modelSha256, hash: 'MATCH', probabilityOfDefault, riskGrade },
    });
    expect(otherFile.body).toMatchObject({
      hash: 'MISMATCH',
      registeredSha256: modelSha256,
      probabilityOfDefault: null,
    });
    expect([unknown.status, wrongShape.status, invalid.status]).toEqual([404, 422, 400]);
    expect(wrongShape.body.code).toBe('MODEL_FEATURES_MISMATCH');
  });
});
