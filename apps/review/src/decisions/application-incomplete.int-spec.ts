import { DataSource } from 'typeorm';

import { DeadLetterTopics, decisionMadeSchema, type DecisionMadeEvent, Topics } from '@loanmesh/contracts';
import { KafkaTestClient, waitFor } from '@loanmesh/testing';

import { CaseEntity } from '../cases/case.entity';
import type { QueuePage } from '../cases/queue-page';
import type { DashboardSummary } from '../dashboard/dashboard.service';
import { incompleteEvent } from '../testing/incomplete-event.factory';
import { type ReviewTestApp, startReviewTestApp } from '../testing/review-test-app';
import { DecisionEntity } from './decision.entity';

jest.setTimeout(90000);

describe('ApplicationIncompleteConsumer (real Kafka and PostgreSQL)', () => {
  let t: ReviewTestApp;
  let kafka: KafkaTestClient;
  let published: Awaited<ReturnType<KafkaTestClient['capture']>>;
  let ds: DataSource;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startReviewTestApp();
    ds = t.app.get(DataSource);
    kafka = new KafkaTestClient();
    published = await kafka.capture([Topics.decisionMade, DeadLetterTopics.review]);
    for (const u of ['officer1', 'risk1']) {
      tokens[u] = await t.login(u);
    }
  });

  afterAll(async () => {
    await kafka.close();
    await t.close();
  });

  const decisionsFor = (applicationId: string) => ds.getRepository(DecisionEntity).find({ where: { applicationId } });
  const publishedFor = (applicationId: string): DecisionMadeEvent[] =>
    published
      .filter((r) => r.topic === Topics.decisionMade)
      .map((r) => decisionMadeSchema.parse(JSON.parse(r.value!.toString())))
      .filter((e) => e.payload.applicationId === applicationId);
  const decided = (applicationId: string, what: string) =>
    waitFor(() => (publishedFor(applicationId).length > 0 ? publishedFor(applicationId) : undefined), 30000, what);

  it('should refer an incomplete application to an officer with MISSING_COMPANY_DATA once, however often it arrives', async () => {
    const event = incompleteEvent();
    const { applicationId, companyId } = event.payload.application;
    const raw = JSON.stringify(event);
    // A second announcement of the same application under a new event id (e.g. a replayed outbox).
    const reannounced = JSON.stringify({ ...event, eventId: incompleteEvent().eventId });
    // Same key, same partition: once the marker is decided, everything before it was handled.
    const marker = incompleteEvent({ companyId });

    await kafka.produce(Topics.applicationIncomplete, [
      { key: companyId, value: raw },
      { key: companyId, value: raw },
      { key: companyId, value: reannounced },
      { key: companyId, value: JSON.stringify(marker) },
    ]);

    const [referral] = await decided(applicationId, 'the referral');
    await decided(marker.payload.application.applicationId, 'the marker referral');
    expect(referral.payload).toMatchObject({
      outcome: 'REFERRED',
      automatic: true,
      decidedBy: 'policy',
      modelVersion: 'none',
      companyId,
      principalReasons: [
        {
          code: 'MISSING_COMPANY_DATA',
          text: 'Company data never arrived from core banking within 15 minutes',
          source: 'RULE',
        },
      ],
    });
    expect(referral.causationId).toBe(event.eventId);
    const stored = await decisionsFor(applicationId);
    expect(stored).toHaveLength(1);
    expect(stored[0].content).toMatchObject({ kind: 'INCOMPLETE', incomplete: event.payload });
    expect(publishedFor(applicationId).filter((e) => e.payload.decisionId === stored[0].id)).toHaveLength(1);
    const cases = await ds.getRepository(CaseEntity).find({ where: { applicationId } });
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ status: 'OPEN', probabilityOfDefault: null, riskGrade: null, companyId });
    expect(cases[0].snapshot.incomplete).toMatchObject({
      reason: 'MISSING_COMPANY_DATA',
      missing: [`company:${companyId}`],
    });
    expect(published.filter((r) => r.topic === DeadLetterTopics.review && r.key === companyId)).toEqual([]);

    const queue = ((await t.call(tokens.officer1, 'GET', '/cases?pageSize=200')).body as QueuePage).items;
    expect(queue.find((c) => c.applicationId === applicationId)).toMatchObject({
      probabilityOfDefault: null,
      riskGrade: null,
      expectedLoss: event.payload.application.amount,
      ruleHits: ['MISSING_COMPANY_DATA'],
    });
  });

  it('should do nothing when the application already has a decision', async () => {
    const event = incompleteEvent();
    const { applicationId, companyId } = event.payload.application;
    await kafka.produce(Topics.applicationIncomplete, [{ key: companyId, value: JSON.stringify(event) }]);
    await decided(applicationId, 'the first referral');
    const marker = incompleteEvent({ companyId });

    await kafka.produce(Topics.applicationIncomplete, [
      { key: companyId, value: JSON.stringify({ ...event, eventId: incompleteEvent().eventId }) },
      { key: companyId, value: JSON.stringify(marker) },
    ]);

    await decided(marker.payload.application.applicationId, 'the marker referral');
    expect(await decisionsFor(applicationId)).toHaveLength(1);
    expect(await ds.getRepository(CaseEntity).count({ where: { applicationId } })).toBe(1);
  });

  it('should let an officer decide the unscored case, and refuse to replay a decision that had no score', async () => {
    const event = incompleteEvent();
    const { applicationId, companyId } = event.payload.application;
    await kafka.produce(Topics.applicationIncomplete, [{ key: companyId, value: JSON.stringify(event) }]);
    await decided(applicationId, 'the referral');
    const queue = ((await t.call(tokens.officer1, 'GET', '/cases?pageSize=200')).body as QueuePage).items;
    const id = queue.find((c) => c.applicationId === applicationId)!.id;

    const masked = await t.call(tokens.risk1, 'GET', `/cases/${id}`);
    await t.call(tokens.officer1, 'POST', `/cases/${id}/claim`);
    const decision = await t.call(tokens.officer1, 'POST', `/cases/${id}/decide`, {
      outcome: 'DECLINED',
      reasonCode: 'DEC_INCOMPLETE_INFORMATION',
      note: 'Core banking never sent the company',
    });
    const replay = await t.call(tokens.risk1, 'GET', `/decisions/${applicationId}/replay`);

    expect(masked.status).toBe(200);
    expect(decision.body).toMatchObject({ status: 'DECIDED', outcome: 'DECLINED' });
    const human = await waitFor(
      () => publishedFor(applicationId).find((e) => !e.payload.automatic),
      30000,
      'the human decision',
    );
    expect(human.payload).toMatchObject({ outcome: 'DECLINED', modelVersion: 'none', decidedBy: 'officer1' });
    expect(human.payload.principalReasons.map((r) => r.code)).toEqual([
      'DEC_INCOMPLETE_INFORMATION',
      'MISSING_COMPANY_DATA',
    ]);
    expect(replay).toMatchObject({ status: 409, body: { code: 'REPLAY_NOT_SCORED' } });
  });

  it('should show the dashboard with parked work unavailable when ingestion cannot be reached', async () => {
    const res = await t.call(tokens.officer1, 'GET', '/dashboard');

    expect(res.status).toBe(200);
    const summary = res.body as DashboardSummary;
    expect(summary.parked).toMatchObject({ available: false });
    // This suite only made referrals of incomplete applications: none is a pipeline latency.
    expect(summary.timeToDecisionMs.sample).toBe(0);
    // Its referrals were submitted on 2026-01-10, long before the dashboard's window: not live, not counted.
    expect(summary.outcomes.filter((o) => o.automatic)).toEqual([]);
    expect(summary.cases.open).toBeGreaterThanOrEqual(2);
  });
});
