import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';

import {
  type ApplicationIncompleteEvent,
  applicationIncompleteSchema,
  type CoreBankingEvent,
  CoreBankingEventTypes as T,
  Headers,
  Topics,
} from '@loanmesh/contracts';
import { type CapturedRecord, KafkaTestClient, type TestDatabase, uniqueId, waitFor } from '@loanmesh/testing';

import type { IngestionStats } from '../stats/ingestion-stats.service';
import { companyPayload, coreBankingEvent } from '../testing/core-banking-event.factory';
import { getJson, ingestionGet, startIngestion, testEnvironment } from '../testing/ingestion-test.harness';
import { ParkedApplicationSweeperService } from './parked-application-sweeper.service';
import type { ParkedListing } from './parked-applications.service';

const TIMEOUT_SECONDS = 3;

describe('ParkedApplicationSweeperService (real Kafka and PostgreSQL)', () => {
  jest.setTimeout(180_000);
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  let dataSource: DataSource;
  const kafka = new KafkaTestClient();
  let captured: CapturedRecord[];

  beforeAll(async () => {
    const t = await testEnvironment({
      PARKED_APPLICATION_TIMEOUT_SECONDS: String(TIMEOUT_SECONDS),
      PARKED_SWEEP_INTERVAL_MS: '200',
      // Small batches, so concurrent sweeps interleave over several transactions.
      PARKED_SWEEP_BATCH_SIZE: '3',
    });
    db = t.db;
    captured = await kafka.capture([Topics.applicationIncomplete, Topics.applicationReceived]);
    ({ app, url } = await startIngestion(t.env));
    dataSource = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await kafka.close();
    await db?.drop();
  });

  const stats = (): Promise<IngestionStats> => getJson<IngestionStats>(`${url}/ingestion/stats`);
  const listing = (state: string): Promise<ParkedListing> =>
    getJson<ParkedListing>(`${url}/ingestion/parked?state=${state}&limit=1000`);
  const incompleteFor = (companyId: string): ApplicationIncompleteEvent[] =>
    captured
      .filter((r) => r.topic === Topics.applicationIncomplete && r.key === companyId)
      .map((r) => applicationIncompleteSchema.parse(JSON.parse(r.value!.toString())));
  const outboxRows = (topic: string, key: string): Promise<{ causation: string }[]> =>
    dataSource.query(
      `SELECT payload ->> 'causationId' AS causation FROM ingestion.outbox WHERE topic = $1 AND message_key = $2`,
      [topic, key],
    );
  const application = (companyId: string): CoreBankingEvent =>
    coreBankingEvent(T.applicationSubmitted, {
      applicationId: `${companyId}-app`,
      companyId,
      amount: 40000,
      termMonths: 36,
      purpose: 'WORKING_CAPITAL',
      submittedAt: '2024-01-01T00:00:00.000Z',
      guarantors: [],
    });
  const produce = (events: readonly CoreBankingEvent[]): Promise<void> =>
    kafka.produce(
      Topics.coreBankingEvents,
      events.map((e) => ({ key: (e.payload as { companyId: string }).companyId, value: JSON.stringify(e) })),
    );
  const waiting = async (...applicationIds: string[]): Promise<ParkedListing['items']> => {
    const items = (await listing('waiting')).items.filter((i) => applicationIds.includes(i.applicationId));
    return items.length === applicationIds.length ? items : [];
  };

  it('should expire only the application whose company never arrives, and keep it expired when the company comes late', async () => {
    const inTime = uniqueId('co-in-time');
    const never = uniqueId('co-never');
    const early = application(inTime);
    const orphan = application(never);
    const before = await stats();

    await produce([early, orphan]);
    const parked = await waitFor(
      async () =>
        (await waiting(`${inTime}-app`, `${never}-app`)).length === 2 ? waiting(`${inTime}-app`) : undefined,
      60_000,
      'both applications parked',
    );
    expect(parked[0]).toMatchObject({ companyId: inTime, state: 'waiting', missing: [`company:${inTime}`] });
    await produce([coreBankingEvent(T.companyRegistered, companyPayload(inTime))]);

    await waitFor(
      () => captured.find((r) => r.topic === Topics.applicationReceived && r.key === inTime),
      60_000,
      'the application whose company came in time released',
    );
    const [expired] = await waitFor(
      () => (incompleteFor(never).length > 0 ? incompleteFor(never) : undefined),
      60_000,
      'application.incomplete for the company that never came',
    );
    expect(expired.causationId).toBe(orphan.eventId);
    const record = captured.find((r) => r.topic === Topics.applicationIncomplete && r.key === never)!;
    expect(record.headers).toMatchObject({
      [Headers.eventType]: 'application.incomplete',
      [Headers.correlationId]: orphan.correlationId,
    });
    expect(expired.payload).toMatchObject({
      application: { applicationId: `${never}-app`, companyId: never, amount: 40000 },
      reason: 'MISSING_COMPANY_DATA',
      missing: [`company:${never}`],
    });
    expect(Date.parse(expired.payload.expiredAt) - Date.parse(expired.payload.parkedAt)).toBeGreaterThanOrEqual(
      TIMEOUT_SECONDS * 1000,
    );
    // By now the released application is past its own deadline too: a sweep after it finds nothing of it.
    const deadline = Date.parse(parked[0].parkedAt) + TIMEOUT_SECONDS * 1000;
    await waitFor(() => (Date.now() > deadline ? true : undefined), 30_000, 'the in-time deadline to pass');
    await app.get(ParkedApplicationSweeperService).sweep();
    expect(await outboxRows(Topics.applicationIncomplete, inTime)).toEqual([]);
    expect(incompleteFor(inTime)).toEqual([]);

    const after = await stats();
    expect(after.parked.expired - before.parked.expired).toBe(1);
    expect(after.parked.expiredAnnounced - before.parked.expiredAnnounced).toBe(1);
    expect(after.parked.waiting).toBe(before.parked.waiting);
    const listed = (await listing('expired')).items.find((i) => i.applicationId === `${never}-app`);
    expect(listed).toMatchObject({
      state: 'expired',
      missing: [`company:${never}`],
      expiryReason: 'MISSING_COMPANY_DATA',
      announced: true,
    });
    expect(listed!.ageSeconds).toBeGreaterThanOrEqual(TIMEOUT_SECONDS);
    expect((await ingestionGet(`${url}/ingestion/parked?state=released`)).status).toBe(400);

    await produce([coreBankingEvent(T.companyRegistered, companyPayload(never))]);
    const late = await waitFor(
      async () =>
        (await listing('expired')).items.find((i) => i.applicationId === `${never}-app` && i.companyArrivedAt !== null),
      60_000,
      'the late company noted on the expired application',
    );
    expect(late.state).toBe('expired');
    expect(await outboxRows(Topics.applicationReceived, never)).toEqual([]);
    const raw = await dataSource.query<{ applied: boolean }[]>(
      'SELECT applied FROM ingestion.raw_events WHERE event_id = $1',
      [orphan.eventId],
    );
    expect(raw).toEqual([{ applied: false }]);
    expect(incompleteFor(never)).toHaveLength(1);
  });

  it('should expire and announce each application exactly once when sweeps run concurrently', async () => {
    const companies = Array.from({ length: 12 }, (_, i) => uniqueId(`co-race-${i}`));
    const sweeper = app.get(ParkedApplicationSweeperService);

    await produce(companies.map(application));
    const oldest = await waitFor(
      async () => {
        const items = await waiting(...companies.map((c) => `${c}-app`));
        return items.length === companies.length ? Math.max(...items.map((i) => Date.parse(i.parkedAt))) : undefined;
      },
      60_000,
      'all applications parked',
    );
    // Race the background sweep with two more once all of them are due.
    await waitFor(
      () => (Date.now() > oldest + TIMEOUT_SECONDS * 1000 ? true : undefined),
      30_000,
      'the deadline to pass',
    );
    await Promise.all([sweeper.sweep(), sweeper.sweep()]);

    for (const companyId of companies) {
      expect(await outboxRows(Topics.applicationIncomplete, companyId)).toHaveLength(1);
    }
    const published = await waitFor(
      () => (companies.every((c) => incompleteFor(c).length > 0) ? companies.map(incompleteFor) : undefined),
      60_000,
      'every application.incomplete published',
    );
    expect(published.map((p) => p.length)).toEqual(companies.map(() => 1));
  });
});
