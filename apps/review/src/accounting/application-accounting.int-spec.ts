import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
  type ApplicationAccounting,
  type ApplicationScoredEvent,
  type IngestionAccounting,
  liveApplicationId,
  Topics,
} from '@loanmesh/contracts';
import { KafkaTestClient, waitFor } from '@loanmesh/testing';

import { type ReviewTestApp, startReviewTestApp } from '../testing/review-test-app';
import { scoredEvent, type ScoredOverrides } from '../testing/scored-event.factory';

jest.setTimeout(120000);

const RUN = 777;
const id = (n: number): string => liveApplicationId(RUN, n);
/** The instant ingestion received application n (hops.receivedAt): one second apart. */
const T0 = Date.UTC(2026, 0, 1);
const receivedAt = (n: number): number => T0 + n * 1000;

/**
 * What the stand-in ingestion service answers (its endpoint has its own integration test):
 * run RUN received applications 0-8; 0-6 were sent on to be decided, 7 is parked, 8 is
 * history, and 9 only ever arrived dead-lettered. Any window: 7 sent on, not named.
 */
const runAnswer: IngestionAccounting = {
  selection: { run: RUN },
  received: 9,
  stored: 8,
  parked: 1,
  history: 1,
  forDecision: 7,
  deadLettered: 1,
  deadLetterRecords: 2,
  sent: 10,
  parkedIds: [id(7)],
  forDecisionIds: [0, 1, 2, 3, 4, 5, 6].map(id),
};
const zeros = (selection: IngestionAccounting['selection']): IngestionAccounting => ({
  selection,
  received: 0,
  stored: 0,
  parked: 0,
  history: 0,
  forDecision: 0,
  deadLettered: 0,
  deadLetterRecords: 0,
  sent: 0,
  parkedIds: [],
  forDecisionIds: [],
});

function scored(n: number, overrides: ScoredOverrides = {}): ApplicationScoredEvent {
  const event = scoredEvent({ applicationId: id(n), ...overrides });
  event.payload.hops.receivedAt = receivedAt(n);
  return event;
}

describe('GET /applications/accounting (real Kafka and PostgreSQL, stand-in ingestion)', () => {
  let t: ReviewTestApp;
  let ingestion: Server;
  const asked: string[] = [];
  let auditor: string;
  const kafka = new KafkaTestClient();

  const account = async (query: string): Promise<ApplicationAccounting> => {
    const res = await t.call(auditor, 'GET', `/applications/accounting?${query}`);
    expect(res.status).toBe(200);
    return res.body as ApplicationAccounting;
  };

  beforeAll(async () => {
    ingestion = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      asked.push(url.search);
      const run = url.searchParams.get('run');
      const answer =
        run === String(RUN)
          ? runAnswer
          : run !== null
            ? zeros({ run: Number(run) })
            : {
                ...zeros({ from: url.searchParams.get('from')!, to: url.searchParams.get('to')! }),
                received: 7,
                stored: 7,
                forDecision: 7,
                sent: 7,
                forDecisionIds: null,
              };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
    await new Promise<void>((resolve) => ingestion.listen(0, '127.0.0.1', resolve));
    t = await startReviewTestApp({
      INGESTION_BASE_URL: `http://127.0.0.1:${(ingestion.address() as AddressInfo).port}`,
    });
    auditor = await t.login('auditor1');

    const expired = scored(5, { grade: 'D', pd: 0.08 });
    expired.payload.champion.reasons = [
      {
        code: 'MISSING_COMPANY_DATA',
        feature: 'company',
        contribution: 0.9,
        text: 'Company never arrived',
        source: 'MODEL',
      },
    ];
    const events = [
      scored(0),
      scored(1, { history: { activePublicRecords: 2 } }),
      scored(2, { grade: 'D', pd: 0.08 }),
      scored(3, { graph: { inGuaranteeCircle: 1, guaranteeCircleSize: 3 } }),
      scored(4, { degraded: true, graph: null }),
      expired,
      // Application 6 is received but never scored: in flight. Another run's decision is not counted.
      scoredEvent({ applicationId: liveApplicationId(RUN + 1, 0) }),
    ];
    await kafka.produce(
      Topics.applicationScored,
      events.map((e) => ({ key: e.payload.application.applicationId, value: JSON.stringify(e) })),
    );
    await waitFor(
      async () => ((await account(`run=${RUN}`)).inFlight === 1 ? true : undefined),
      60000,
      'the run to be decided',
    );
  });

  afterAll(async () => {
    await kafka.close();
    await t.close();
    await new Promise((resolve) => ingestion.close(resolve));
  });

  it('should account for every application of a run when decisions are mixed and one is still in flight', async () => {
    const a = await account(`run=${RUN}`);

    expect(a).toEqual({
      selection: { run: RUN },
      sent: 10,
      decidedAutomatically: 2,
      referred: 2,
      referredByReason: [
        { code: 'GRAPH_GUARANTEE_CIRCLE', count: 1 },
        { code: 'SCORE_GREY_ZONE', count: 1 },
      ],
      degraded: 1,
      expired: 1,
      parked: 1,
      deadLettered: 1,
      inFlight: 1,
      history: 1,
      accountedFor: 10,
      balanced: true,
      parkedIds: [id(7)],
      inFlightIds: [id(6)],
      ingestion: { received: 9, stored: 8, deadLetterRecords: 2 },
    });
  });

  it('should answer zeros and balance when the run is unknown', async () => {
    const a = await account('run=31337');

    expect(a).toMatchObject({
      sent: 0,
      decidedAutomatically: 0,
      referred: 0,
      degraded: 0,
      expired: 0,
      inFlight: 0,
      accountedFor: 0,
      balanced: true,
    });
  });

  it('should count decisions whose receipt is in the window and ask ingestion for the same window', async () => {
    const iso = (ms: number): string => new Date(ms).toISOString();

    const first = await account(`from=${iso(receivedAt(0))}&to=${iso(receivedAt(2))}`);
    const middle = await account(`from=${iso(receivedAt(2))}&to=${iso(receivedAt(5))}`);
    const between = await account(`from=${iso(receivedAt(0) + 1)}&to=${iso(receivedAt(1))}`);

    expect(first).toMatchObject({ decidedAutomatically: 2, referred: 0, degraded: 0, inFlight: 5, balanced: true });
    expect(middle).toMatchObject({ decidedAutomatically: 0, referred: 2, degraded: 1, expired: 0, inFlight: 4 });
    expect(between).toMatchObject({ decidedAutomatically: 0, referred: 0, inFlight: 7 });
    expect(asked).toContain(`?${new URLSearchParams({ from: iso(receivedAt(0)), to: iso(receivedAt(2)) }).toString()}`);
  });

  it('should refuse a window that ends before it starts', async () => {
    const res = await t.call(
      auditor,
      'GET',
      '/applications/accounting?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z',
    );

    expect(res.status).toBe(400);
  });

  it('should not balance when review decided more than ingestion sent on', async () => {
    const iso = (ms: number): string => new Date(ms).toISOString();
    runAnswer.forDecisionIds = null;
    runAnswer.forDecision = 3;

    const a = await account(`run=${RUN}`);
    const w = await account(`from=${iso(receivedAt(0))}&to=${iso(receivedAt(9))}`);

    expect(a).toMatchObject({ inFlight: 0, balanced: false });
    expect(w).toMatchObject({ inFlight: 1, balanced: true });
  });
});
