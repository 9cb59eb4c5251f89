/**
 * @jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs
 */
import { randomUUID } from 'node:crypto';

import { DataSource } from 'typeorm';

import {
  CoreBankingEventTypes as T,
  DeadLetterTopics,
  Headers,
  type OutcomeLabelledEvent,
  Topics,
} from '@loanmesh/contracts';
import { type CapturedRecord, waitFor } from '@loanmesh/testing';

import {
  httpJson,
  type InferenceTestApp,
  promoteThroughRequest,
  startInferenceApp,
} from '../../apps/inference/src/testing/inference-test.app';
import { type ReviewTestApp, startReviewTestApp } from '../../apps/review/src/testing/review-test-app';

jest.setTimeout(240000);

const APPLICATIONS = 16;

interface Estimate {
  value: number;
  interval: [number, number];
}
interface SideMetrics {
  n: number;
  bads: number;
  auc: Estimate;
  ks: Estimate;
  badRateAtApproval: Estimate;
  brier: Estimate;
  calibration: unknown[];
}
interface PairView {
  challengerVersion: string;
  labelledOutcomes: number;
  outcomes: { approvalRate: number; seed: number; champion: SideMetrics; challenger: SideMetrics } | null;
}

/** A normalized loan event as ingestion's outbox publishes it (type header included). */
function loanEvent(type: string, payload: Record<string, unknown>) {
  const now = new Date().toISOString();
  const event = {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    occurredAt: now,
    producedAt: now,
    source: 'ingestion',
    correlationId: `corr-${randomUUID()}`,
    payload,
  };
  return { key: String(payload.companyId), value: JSON.stringify(event), headers: { [Headers.eventType]: type } };
}

/** Disbursed as a 1-month loan, then either defaulted or repaid with its only instalment. */
function loanLife(applicationId: string, companyId: string, defaults: boolean) {
  const loanId = `loan-${randomUUID().slice(0, 8)}`;
  const disbursal = loanEvent(T.loanDisbursed, {
    loanId,
    applicationId,
    companyId,
    amount: 100000,
    termMonths: 1,
    purpose: 'WORKING_CAPITAL',
    interestRate: 0.07,
    disbursedAt: '2026-01-05',
    maturityAt: '2026-02-05',
  });
  const end = defaults
    ? loanEvent(T.loanDefaulted, { loanId, companyId, exposure: 80000, defaultedAt: '2026-02-01' })
    : loanEvent(T.repaymentMade, { loanId, companyId, installmentNo: 1, amount: 107000, paidAt: '2026-02-05' });
  return [disbursal, end];
}

describe('Outcome labels from a loan event in review to the champion/challenger table in inference (real Kafka and PostgreSQL)', () => {
  let inference: InferenceTestApp;
  let review: ReviewTestApp;
  let captured: CapturedRecord[];

  beforeAll(async () => {
    inference = await startInferenceApp();
    review = await startReviewTestApp({ INFERENCE_BASE_URL: inference.baseUrl });
    captured = await inference.kafka.capture([Topics.outcomeLabelled, DeadLetterTopics.inference]);
  }, 180000);

  afterAll(async () => {
    await review?.close();
    await inference?.close();
  });

  const labelsIn = async (ids: readonly string[]): Promise<{ application_id: string; defaulted: boolean }[]> =>
    inference.dataSource.query(
      `SELECT application_id, defaulted FROM inference.outcome_labels WHERE application_id = ANY($1)`,
      [ids],
    );

  it('should label loans in review, count each outcome once in inference and judge the challenger on them', async () => {
    // Arrange: a challenger in shadow; applications scored by inference and decided by review.
    const models = (await httpJson('GET', `${inference.baseUrl}/models`)).body as unknown as {
      id: string;
      name: string;
    }[];
    const challenger = models.find((m) => m.name === 'world-scorecard-graph')!;
    expect((await promoteThroughRequest(inference.baseUrl, challenger.id, 'challenger')).status).toBe(200);
    const events = Array.from({ length: APPLICATIONS }, () => inference.events.build());
    await inference.publish(events);
    const decided = await waitFor(
      async () => {
        const rows: { application_id: string }[] = await review.app
          .get(DataSource)
          .query(`SELECT application_id FROM review.decisions WHERE automatic AND application_id = ANY($1)`, [
            events.map((e) => e.payload.application.applicationId),
          ]);
        return rows.length === APPLICATIONS ? rows.map((r) => r.application_id) : undefined;
      },
      90000,
      'automatic decisions in review',
    );
    const companyOf = new Map(
      events.map((e) => [e.payload.application.applicationId, e.payload.application.companyId]),
    );
    const defaults = new Set(decided.filter((_, i) => i % 4 === 0));

    // Act: core banking's loan events reach review.
    await inference.kafka.produce(
      Topics.domainEvents,
      decided.flatMap((id) => loanLife(id, companyOf.get(id)!, defaults.has(id))),
    );
    const labels = await waitFor(
      async () => ((await labelsIn(decided)).length === APPLICATIONS ? labelsIn(decided) : undefined),
      90000,
      'outcome labels in inference',
    );

    // Assert: every outcome arrived once, with its value
    expect(
      labels
        .filter((l) => l.defaulted)
        .map((l) => l.application_id)
        .sort(),
    ).toEqual([...defaults].sort());
    const published = captured.filter((r) => r.topic === Topics.outcomeLabelled);
    expect(published.length).toBe(APPLICATIONS);

    // A replay of a label (same event) and a malformed label: neither counts again, the bad one is dead-lettered.
    const replayed = published[0];
    const broken = { ...(JSON.parse(replayed.value!.toString()) as OutcomeLabelledEvent), eventId: randomUUID() };
    const brokenValue = JSON.stringify({ ...broken, payload: { ...broken.payload, outcome: 'WRITTEN_OFF' } });
    await inference.kafka.produce(Topics.outcomeLabelled, [
      { key: replayed.key ?? 'x', value: replayed.value!.toString() },
      { key: 'x', value: brokenValue },
    ]);
    const dead = await waitFor(
      () => captured.find((r) => r.topic === DeadLetterTopics.inference && r.value?.toString() === brokenValue),
      60000,
      'dead letter of the malformed label',
    );
    expect(dead.headers[Headers.deadLetterReason]).toBeTruthy();
    expect(String(dead.headers[Headers.originalTopic])).toBe(Topics.outcomeLabelled);
    expect(await labelsIn(decided)).toHaveLength(APPLICATIONS);

    // Assert: the comparison, in inference and through review's models API
    const report = (await httpJson('GET', `${inference.baseUrl}/models/comparison`)).body as unknown as {
      pairs: PairView[];
    };
    const pair = report.pairs.find((p) => p.challengerVersion === 'world-scorecard-graph:v1')!;
    expect(pair.labelledOutcomes).toBe(APPLICATIONS);
    expect(pair.outcomes).not.toBeNull();
    for (const side of [pair.outcomes!.champion, pair.outcomes!.challenger]) {
      expect(side).toMatchObject({ n: APPLICATIONS, bads: defaults.size });
      for (const e of [side.auc, side.ks, side.badRateAtApproval, side.brier]) {
        expect(e.interval[0]).toBeLessThanOrEqual(e.value);
        expect(e.interval[1]).toBeGreaterThanOrEqual(e.value);
      }
    }
    const token = await review.login('risk1');
    const proxied = await review.call(token, 'GET', '/models/comparison');
    expect(proxied.status).toBe(200);
    expect(proxied.body).toEqual(report);
  });
});
