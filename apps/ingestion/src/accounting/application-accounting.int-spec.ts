import {
  type ApplicationReceivedEvent,
  CoreBankingEventTypes as T,
  type IngestionAccounting,
  liveApplicationId,
  Topics,
} from '@loanmesh/contracts';
import { KafkaTestClient, type CapturedRecord, type TestDatabase, waitFor } from '@loanmesh/testing';

import { applicationEvent, companyPayload, coreBankingEvent } from '../testing/core-banking-event.factory';
import { getJson, ingestionGet, startIngestion, testEnvironment } from '../testing/ingestion-test.harness';

const RUN = 4242;
const id = (n: number): string => liveApplicationId(RUN, n);
const HOUR = 3_600_000;

describe('ApplicationAccountingController (real Kafka and PostgreSQL)', () => {
  jest.setTimeout(180_000);
  let db: TestDatabase;
  let close: () => Promise<void>;
  let url: string;
  const kafka = new KafkaTestClient();
  let captured: CapturedRecord[];
  let producedFrom: number;
  let producedTo: number;

  const account = (query: string): Promise<IngestionAccounting> =>
    getJson<IngestionAccounting>(`${url}/ingestion/applications/accounting?${query}`);

  beforeAll(async () => {
    const t = await testEnvironment({ APPLICATION_DECISION_WINDOW_HOURS: '72' });
    db = t.db;
    captured = await kafka.capture([Topics.applicationReceived]);
    const started = await startIngestion(t.env);
    url = started.url;
    close = () => started.app.close();

    const live = applicationEvent(id(0), 'acc-co');
    const old = applicationEvent(id(1), 'acc-co', new Date(Date.now() - 30 * 24 * HOUR).toISOString());
    const waiting = applicationEvent(id(2), 'acc-ghost');
    const lost = applicationEvent(id(3), 'acc-co');
    const otherRun = applicationEvent(liveApplicationId(RUN + 1, 0), 'acc-co');
    const runZero = applicationEvent(liveApplicationId(0, 0), 'acc-co');
    const lostBytes = JSON.stringify(lost);
    producedFrom = Date.now();
    await kafka.produce(Topics.coreBankingEvents, [
      { key: 'acc-co', value: JSON.stringify(coreBankingEvent(T.companyRegistered, companyPayload('acc-co'))) },
      ...[live, old, otherRun, runZero].map((e) => ({ key: 'acc-co', value: JSON.stringify(e) })),
      // A bad copy of an application that also arrives intact, and one that only ever arrives broken.
      { key: 'acc-co', value: JSON.stringify({ ...live, eventId: 'bad-copy', schemaVersion: 99 }) },
      { key: 'acc-co', value: lostBytes.slice(0, lostBytes.indexOf('"companyId"')) },
      { key: 'acc-ghost', value: JSON.stringify(waiting) },
    ]);
    await waitFor(
      async () => {
        const a = await account(`run=${RUN}`);
        return a.sent === 4 && a.deadLetterRecords === 2 ? a : undefined;
      },
      90_000,
      'the run to be accounted',
    );
    producedTo = Date.now() + 1;
  });

  afterAll(async () => {
    await close?.();
    await kafka.close();
    await db?.drop();
  });

  it('should say where each application of a live run was left when it is stored, history, parked or dead-lettered', async () => {
    const a = await account(`run=${RUN}`);

    expect(a).toEqual({
      selection: { run: RUN },
      received: 3,
      stored: 2,
      parked: 1,
      history: 1,
      forDecision: 1,
      deadLettered: 1,
      deadLetterRecords: 2,
      sent: 4,
      parkedIds: [id(2)],
      forDecisionIds: [id(0)],
    });
  });

  it('should count only its own applications when run 0 and another run share the id prefix', async () => {
    const zero = await account('run=0');
    const next = await account(`run=${RUN + 1}`);

    expect(zero).toMatchObject({ received: 1, forDecisionIds: [liveApplicationId(0, 0)], sent: 1 });
    expect(next).toMatchObject({ received: 1, forDecisionIds: [liveApplicationId(RUN + 1, 0)], sent: 1 });
  });

  it('should answer zeros when the run is unknown', async () => {
    const a = await account('run=99');

    expect(a).toMatchObject({ received: 0, parked: 0, deadLettered: 0, sent: 0, parkedIds: [], forDecisionIds: [] });
  });

  it('should select on the receipt instant the application event carries downstream when given a window', async () => {
    const announced = await waitFor(
      () =>
        captured
          .map((r) => JSON.parse(r.value!.toString()) as ApplicationReceivedEvent)
          .find((e) => e.payload.application.applicationId === id(0)),
      30_000,
      'the application event',
    );
    const receivedAt = announced.payload.hops.receivedAt!;
    const iso = (ms: number): string => new Date(ms).toISOString();

    const all = await account(`from=${iso(producedFrom - 1000)}&to=${iso(producedTo)}`);
    const atInstant = await account(`from=${iso(receivedAt)}&to=${iso(receivedAt + 1)}`);
    const justBefore = await account(`from=${iso(receivedAt - HOUR)}&to=${iso(receivedAt)}`);

    expect(receivedAt).toBeGreaterThanOrEqual(producedFrom - 1000);
    expect(all).toMatchObject({ received: 5, parked: 1, history: 1, deadLettered: 1, sent: 6 });
    expect(atInstant.forDecisionIds).toContain(id(0));
    expect(justBefore.forDecisionIds).not.toContain(id(0));
  });

  it('should refuse a query that gives neither a run nor a whole window', async () => {
    const res = await ingestionGet(`${url}/ingestion/applications/accounting?from=2026-01-01T00:00:00Z`);

    expect(res.status).toBe(400);
  });
});
