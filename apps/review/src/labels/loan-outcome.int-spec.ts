import { randomUUID } from 'node:crypto';

import { DataSource } from 'typeorm';

import { CoreBankingEventTypes as T, DeadLetterTopics, Headers, Topics } from '@loanmesh/contracts';
import { KafkaTestClient, waitFor } from '@loanmesh/testing';

import { DecisionEntity } from '../decisions/decision.entity';
import { type ReviewTestApp, startReviewTestApp } from '../testing/review-test-app';
import { scoredEvent } from '../testing/scored-event.factory';
import { LabelEntity } from './label.entity';
import { REPORTED_BY } from './label.service';

jest.setTimeout(90000);

/** A normalized loan event as ingestion's outbox publishes it (type header included). */
function loanEvent(
  type: string,
  payload: Record<string, unknown>,
): { key: string; value: string; headers: Record<string, string> } {
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

describe('Outcome labels from core banking loan events (real Kafka and PostgreSQL)', () => {
  let t: ReviewTestApp;
  let kafka: KafkaTestClient;
  let ds: DataSource;
  let deadLetters: Awaited<ReturnType<KafkaTestClient['capture']>>;

  beforeAll(async () => {
    t = await startReviewTestApp();
    ds = t.app.get(DataSource);
    kafka = new KafkaTestClient();
    deadLetters = await kafka.capture([DeadLetterTopics.review]);
  });

  afterAll(async () => {
    await kafka.close();
    await t.close();
  });

  /** An application LoanMesh decided automatically, then disbursed by core banking as `loanId`. */
  async function decidedApplication(): Promise<{ applicationId: string; companyId: string }> {
    const scored = scoredEvent();
    const { applicationId, companyId } = scored.payload.application;
    await kafka.produce(Topics.applicationScored, [{ key: companyId, value: JSON.stringify(scored) }]);
    await waitFor(
      () =>
        ds
          .getRepository(DecisionEntity)
          .findOne({ where: { applicationId } })
          .then((d) => d ?? undefined),
      30000,
      'automatic decision',
    );
    return { applicationId, companyId };
  }

  const disbursed = (loanId: string, companyId: string, applicationId: string | undefined, termMonths: number) =>
    loanEvent(T.loanDisbursed, {
      loanId,
      ...(applicationId ? { applicationId } : {}),
      companyId,
      amount: 100000,
      termMonths,
      purpose: 'WORKING_CAPITAL',
      interestRate: 0.07,
      disbursedAt: '2026-01-05',
      maturityAt: '2026-07-05',
    });
  const outcomeLabels = (applicationId: string) =>
    ds.getRepository(LabelEntity).find({ where: { applicationId, source: 'OUTCOME' } });

  /** Publishes a marker disbursal keyed like `companyId`'s events and waits until it is applied. */
  async function consumedUpTo(companyId: string): Promise<void> {
    const marker = `loan-${randomUUID().slice(0, 8)}`;
    await kafka.produce(Topics.domainEvents, [disbursed(marker, companyId, `app-${marker}`, 3)]);
    await waitFor(
      () =>
        ds
          .query(`SELECT 1 FROM review.loan_links WHERE loan_id = $1`, [marker])
          .then((r: unknown[]) => (r.length > 0 ? r : undefined)),
      30000,
      'marker link',
    );
  }

  it('should label DEFAULTED once when a disbursed loan defaults, even if the default is delivered twice', async () => {
    const { applicationId, companyId } = await decidedApplication();
    const loanId = `loan-${randomUUID().slice(0, 8)}`;
    const defaulted = loanEvent(T.loanDefaulted, { loanId, companyId, exposure: 80000, defaultedAt: '2026-05-01' });
    await kafka.produce(Topics.domainEvents, [disbursed(loanId, companyId, applicationId, 6), defaulted, defaulted]);
    const [label] = await waitFor(
      () => outcomeLabels(applicationId).then((l) => (l.length > 0 ? l : undefined)),
      30000,
      'outcome label',
    );
    expect(label).toMatchObject({ label: 'DEFAULTED', recordedBy: REPORTED_BY, modelVersion: 'gbm-test-1' });
    // A marker behind the second delivery on the same partition (same key): once it is
    // applied, the duplicate has been consumed too.
    await consumedUpTo(companyId);
    expect(await outcomeLabels(applicationId)).toHaveLength(1);
  });

  it('should label REPAID on the final instalment only', async () => {
    const { applicationId, companyId } = await decidedApplication();
    const loanId = `loan-${randomUUID().slice(0, 8)}`;
    const repayment = (installmentNo: number) =>
      loanEvent(T.repaymentMade, { loanId, companyId, installmentNo, amount: 17000, paidAt: '2026-02-05' });
    await kafka.produce(Topics.domainEvents, [
      disbursed(loanId, companyId, applicationId, 3),
      repayment(1),
      repayment(2),
    ]);
    // A marker on the same partition (same key) shows the first instalments were consumed.
    await consumedUpTo(companyId);
    expect(await outcomeLabels(applicationId)).toHaveLength(0);
    await kafka.produce(Topics.domainEvents, [repayment(3)]);
    const [label] = await waitFor(
      () => outcomeLabels(applicationId).then((l) => (l.length > 0 ? l : undefined)),
      30000,
      'repaid label',
    );
    expect(label.label).toBe('REPAID');
  });

  it('should dead-letter a loan event reusing an applied event id with other content and apply the one behind it', async () => {
    const { applicationId, companyId } = await decidedApplication();
    const loanId = `loan-${randomUUID().slice(0, 8)}`;
    const disbursal = disbursed(loanId, companyId, applicationId, 6);
    const disbursalId = (JSON.parse(disbursal.value) as { eventId: string }).eventId;
    const payload = { loanId, companyId, exposure: 80000, defaultedAt: '2026-05-01' };
    const reusing = loanEvent(T.loanDefaulted, payload);
    reusing.value = JSON.stringify({ ...(JSON.parse(reusing.value) as object), eventId: disbursalId });

    await kafka.produce(Topics.domainEvents, [disbursal, reusing, loanEvent(T.loanDefaulted, payload)]);

    const dead = await waitFor(
      () => deadLetters.find((r) => r.topic === DeadLetterTopics.review && r.value?.toString() === reusing.value),
      30000,
      'dead letter of the reused id',
    );
    expect(dead.headers[Headers.deadLetterCode]).toBe('EVENT_ID_CONFLICT');
    const [label] = await waitFor(
      () => outcomeLabels(applicationId).then((l) => (l.length > 0 ? l : undefined)),
      30000,
      'label from the default behind it',
    );
    expect(label.label).toBe('DEFAULTED');
  });

  it('should skip loans LoanMesh never decided and dead-letter a malformed loan event with its reason', async () => {
    const companyId = `co-${randomUUID().slice(0, 8)}`;
    const loanId = `loan-${randomUUID().slice(0, 8)}`;
    const stranger = `app-${randomUUID().slice(0, 8)}`;
    const broken = loanEvent(T.loanDefaulted, { loanId, companyId, exposure: 'lots' });
    await kafka.produce(Topics.domainEvents, [
      disbursed(loanId, companyId, stranger, 6),
      loanEvent(T.loanDefaulted, { loanId, companyId, exposure: 1000, defaultedAt: '2026-05-01' }),
      broken,
    ]);
    const brokenId = (JSON.parse(broken.value) as { eventId: string }).eventId;
    const dead = await waitFor(
      () => deadLetters.find((r) => r.topic === DeadLetterTopics.review && r.value?.toString().includes(brokenId)),
      30000,
      'dead letter',
    );
    expect(dead.headers[Headers.deadLetterCode]).toBeDefined();
    expect(String(dead.headers[Headers.originalTopic])).toBe(Topics.domainEvents);
    expect(await outcomeLabels(stranger)).toHaveLength(0);
  });
});
