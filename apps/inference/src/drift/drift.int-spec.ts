/**
 * @jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs
 */
import { type GraphFeaturesComputedEvent, type ModelDriftAlertEvent, Topics } from '@loanmesh/contracts';
import { buildFeatureVector, featureNames } from '@loanmesh/features';
import { featureBaselines } from '@loanmesh/ml';
import { type CapturedRecord, waitFor } from '@loanmesh/testing';

import { featureInputOf } from '../scoring/scoring-engine.service';
import { FeaturesEventFactory } from '../testing/features-event.factory';
import {
  httpJson,
  type InferenceTestApp,
  promoteThroughRequest,
  startInferenceApp,
} from '../testing/inference-test.app';
import { committedChampion } from '../testing/committed-champion';

jest.setTimeout(180000);

const CHALLENGER = 'world-scorecard-graph';
const APPLICATIONS = 120;

interface SubjectView {
  subject: string;
  status: string;
  psi: number | null;
  applications: number;
}
interface DriftView {
  models: { modelVersion: string; periods: { period: string; score: SubjectView; features: SubjectView[] }[] }[];
}

/** Applications whose loan amounts are four times the usual and whose term is always 12 months. */
function shifted(e: GraphFeaturesComputedEvent): GraphFeaturesComputedEvent {
  const application = { ...e.payload.application, amount: e.payload.application.amount * 4, termMonths: 12 };
  return { ...e, payload: { ...e.payload, application } };
}

describe('Drift monitoring with real Kafka and PostgreSQL', () => {
  let t: InferenceTestApp;
  let alerts: CapturedRecord[];

  beforeAll(async () => {
    t = await startInferenceApp({ DRIFT_CHECK_INTERVAL_MS: '0', DRIFT_MIN_APPLICATIONS: '50' });
    alerts = await t.kafka.capture([Topics.modelDrift]);
  }, 120000);

  afterAll(async () => {
    await t?.close();
  });

  it('should tell a shifted loan amount (act) from a term gone constant (data problem) and alert once each', async () => {
    // Arrange: the challenger (it scores only this test's applications) gets the baseline of the
    // test's own population (400 unshifted synthetic applications) in place of the world's.
    const models = (await httpJson('GET', `${t.baseUrl}/models`)).body as unknown as { id: string; name: string }[];
    const challenger = models.find((m) => m.name === CHALLENGER)!;
    const names = featureNames({ includeGraph: true });
    const population = new FeaturesEventFactory(777);
    const rows = Array.from({ length: 400 }, () =>
      buildFeatureVector(featureInputOf(population.build()), { includeGraph: true }),
    );
    await t.dataSource.query(
      `UPDATE inference.model_versions SET card = jsonb_set(card, '{baselineFeatureDistributions}', $1::jsonb) WHERE id = $2`,
      [JSON.stringify(featureBaselines(names, rows)), challenger.id],
    );
    expect((await promoteThroughRequest(t.baseUrl, challenger.id, 'challenger')).status).toBe(200);
    const events = Array.from({ length: APPLICATIONS }, () => shifted(t.events.build()));

    // Act
    await t.publish(events);
    await waitFor(
      async () =>
        (await t.championRows(events.map((e) => e.payload.application.applicationId))).length === APPLICATIONS
          ? true
          : undefined,
      60000,
      'the shifted applications scored',
    );
    const first = await httpJson('POST', `${t.baseUrl}/models/drift/check`);
    expect(first.status).toBe(200);
    const again = await httpJson('POST', `${t.baseUrl}/models/drift/check`);
    const report = (await httpJson('GET', `${t.baseUrl}/models/drift?granularity=day&periods=2`))
      .body as unknown as DriftView;

    // Assert: the report
    const mine = report.models.find((m) => m.modelVersion === `${CHALLENGER}:v1`)!;
    const today = mine.periods[mine.periods.length - 1];
    const subject = (name: string) => today.features.find((f) => f.subject === name)!;
    expect(today.score.applications).toBe(APPLICATIONS);
    expect(subject('loanAmount')).toMatchObject({ status: 'act', applications: APPLICATIONS });
    expect(subject('loanAmount').psi).toBeGreaterThanOrEqual(0.25);
    expect(subject('termMonths').status).toBe('data-problem');
    expect(subject('companyAgeMonths').status).not.toBe('data-problem');
    // The committed cards carry the world's training baselines: the champion's features are judged too.
    const champion = report.models.find((m) => m.modelVersion === committedChampion().label)!;
    expect(champion.periods[1].features.some((f) => f.psi !== null && f.status !== 'no-baseline')).toBe(true);

    // Assert: the alerts, raised once and published through the outbox
    const raised = (first.body as unknown as { raised: ModelDriftAlertEvent[] }).raised;
    const ofChallenger = raised.filter((a) => a.payload.modelVersion === `${CHALLENGER}:v1`);
    const kinds = ofChallenger.map((a) => `${a.payload.subject}/${a.payload.status}/${a.payload.granularity}`);
    expect(kinds).toEqual(expect.arrayContaining(['loanAmount/act/day', 'termMonths/data-problem/month']));
    expect((again.body as unknown as { raised: unknown[] }).raised).toEqual([]);
    const published = await waitFor(
      () => {
        const found = alerts
          .map((r) => JSON.parse(r.value?.toString() ?? '{}') as ModelDriftAlertEvent)
          .filter((e) => e.payload?.modelVersionId === challenger.id);
        return found.length >= ofChallenger.length ? found : undefined;
      },
      30000,
      'drift alerts on Kafka',
    );
    expect(published.map((e) => e.payload.alertId).sort()).toEqual(ofChallenger.map((a) => a.payload.alertId).sort());
  });
});
