import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { DeadLetterTopics, decisionMadeSchema, type DecisionMadeEvent, Headers, Topics } from '@loanmesh/contracts';
import { KafkaTestClient, waitFor } from '@loanmesh/testing';

import { CaseEntity } from '../cases/case.entity';
import { scoredEvent } from '../testing/scored-event.factory';
import { type ReviewTestApp, startReviewTestApp } from '../testing/review-test-app';
import { DecisionEntity } from './decision.entity';

jest.setTimeout(90000);

describe('AutomaticDecisionService (real Kafka and PostgreSQL)', () => {
  let t: ReviewTestApp;
  let kafka: KafkaTestClient;
  let published: Awaited<ReturnType<KafkaTestClient['capture']>>;
  let ds: DataSource;

  beforeAll(async () => {
    t = await startReviewTestApp();
    ds = t.app.get(DataSource);
    kafka = new KafkaTestClient();
    published = await kafka.capture([Topics.decisionMade, DeadLetterTopics.review]);
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

  it('should decide once and publish once when the same scored event is delivered twice', async () => {
    const event = scoredEvent();
    const id = event.payload.application.applicationId;
    const raw = JSON.stringify(event);
    // A marker application behind both deliveries on the same partition (same key): once it
    // is announced, the second delivery has been consumed and its effects relayed.
    const marker = scoredEvent();
    const markerId = marker.payload.application.applicationId;
    await kafka.produce(Topics.applicationScored, [
      { key: id, value: raw },
      { key: id, value: raw },
      { key: id, value: JSON.stringify(marker) },
    ]);
    const [decided] = await waitFor(
      () => (publishedFor(id).length > 0 ? publishedFor(id) : undefined),
      30000,
      'decision event',
    );
    expect(decided.payload).toMatchObject({
      outcome: 'APPROVED',
      automatic: true,
      decidedBy: 'policy',
      policyVersion: '1',
      modelVersion: 'gbm-test-1',
    });
    expect(decided.payload.hops.decidedAt).toBeGreaterThanOrEqual(decided.payload.hops.scoredAt!);
    await waitFor(() => (publishedFor(markerId).length > 0 ? true : undefined), 30000, 'marker decision event');
    const stored = await decisionsFor(id);
    expect(stored).toHaveLength(1);
    // The broker is shared: count only announcements of this suite's own decisions.
    expect(publishedFor(id).filter((e) => e.payload.decisionId === stored[0].id)).toHaveLength(1);
  });

  it('should publish up to four principal reasons with the knock-out first when declining', async () => {
    const event = scoredEvent({ history: { activePublicRecords: 2 }, graph: { sharedIdentifierBadCompanies: 3 } });
    const id = event.payload.application.applicationId;
    await kafka.produce(Topics.applicationScored, [{ key: id, value: JSON.stringify(event) }]);
    const [decided] = await waitFor(
      () => (publishedFor(id).length > 0 ? publishedFor(id) : undefined),
      30000,
      'decline event',
    );
    expect(decided.payload.outcome).toBe('DECLINED');
    expect(decided.payload.principalReasons.length).toBeLessThanOrEqual(4);
    expect(decided.payload.principalReasons[0].code).toBe('KO_PUBLIC_RECORD');
  });

  it('should open a case with four-eyes when a guarantee circle sends the application to review', async () => {
    const event = scoredEvent({ graph: { inGuaranteeCircle: 1, guaranteeCircleSize: 3 } });
    const id = event.payload.application.applicationId;
    await kafka.produce(Topics.applicationScored, [{ key: id, value: JSON.stringify(event) }]);
    const found = await waitFor(
      () =>
        ds
          .getRepository(CaseEntity)
          .findOne({ where: { applicationId: id } })
          .then((c) => c ?? undefined),
      30000,
      'case',
    );
    expect(found).toMatchObject({ status: 'OPEN', fourEyesRequired: true, modelRecommendation: 'AUTO_APPROVE' });
    expect(found.snapshot.ruleHits.map((h) => h.code)).toEqual(['GRAPH_GUARANTEE_CIRCLE']);
    const [referred] = await waitFor(
      () => (publishedFor(id).length > 0 ? publishedFor(id) : undefined),
      30000,
      'referral event',
    );
    expect(referred.payload.outcome).toBe('REFERRED');
  });

  it('should dead-letter a malformed scored event with its reason and keep consuming', async () => {
    const broken = scoredEvent();
    const raw = JSON.stringify({ ...broken, payload: { ...broken.payload, champion: { probabilityOfDefault: 3 } } });
    await kafka.produce(Topics.applicationScored, [{ key: 'bad', value: raw }]);
    const dead = await waitFor(
      () => published.find((r) => r.topic === DeadLetterTopics.review && r.key === 'bad'),
      30000,
      'dead letter',
    );
    expect(dead.headers[Headers.deadLetterCode]).toBe('SCHEMA_VIOLATION');
    expect(await decisionsFor(broken.payload.application.applicationId)).toHaveLength(0);
  });

  it('should dead-letter a scored event reusing a decided event id with other content and decide nothing for it', async () => {
    const first = scoredEvent();
    const reuse = { ...scoredEvent(), eventId: first.eventId };
    const [firstId, reuseId] = [first.payload.application.applicationId, reuse.payload.application.applicationId];
    await kafka.produce(Topics.applicationScored, [{ key: firstId, value: JSON.stringify(first) }]);
    await waitFor(() => (publishedFor(firstId).length > 0 ? true : undefined), 30000, 'first decision');

    await kafka.produce(Topics.applicationScored, [{ key: reuseId, value: JSON.stringify(reuse) }]);

    const dead = await waitFor(
      () => published.find((r) => r.topic === DeadLetterTopics.review && r.key === reuseId),
      30000,
      'dead letter of the reused id',
    );
    expect(dead.headers[Headers.deadLetterCode]).toBe('EVENT_ID_CONFLICT');
    expect(dead.headers[Headers.deadLetterReason]).toContain(`event id ${first.eventId} from source '${first.source}'`);
    expect(await decisionsFor(reuseId)).toHaveLength(0);
    expect(await decisionsFor(firstId)).toHaveLength(1);
  });

  it('should verify the chain and then detect a row changed behind its back', async () => {
    const admin = await t.login('auditor1');
    const ok = await t.call(admin, 'GET', '/audit/verify');
    expect(ok.body).toMatchObject({ ok: true });
    expect((ok.body as { checked: number }).checked).toBeGreaterThanOrEqual(3);
    await expect(ds.query(`UPDATE review.decisions SET outcome = 'APPROVED' WHERE seq = 1`)).rejects.toThrow(
      /permission denied/,
    );
    // The insider with the owner role: the trigger can be disabled, the hash still breaks.
    const owner = new Client({ connectionString: t.ownerUrl });
    await owner.connect();
    try {
      await owner.query('ALTER TABLE review.decisions DISABLE TRIGGER decisions_append_only');
      await owner.query(
        `UPDATE review.decisions SET content = jsonb_set(content, '{outcome}', '"DECLINED"') WHERE seq = 1`,
      );
    } finally {
      await owner.end();
    }
    const broken = await t.call(admin, 'GET', '/audit/verify');
    expect(broken.body).toMatchObject({ ok: false, brokenAt: { seq: 1, reason: 'CONTENT_HASH_MISMATCH' } });
  });
});
