import { randomUUID } from 'node:crypto';

import {
  type CoreBankingEvent,
  applicationAccountingSchema,
  coreBankingKey,
  CoreBankingEventTypes as T,
  decisionMadeRegistry,
  type DecisionMadeEvent,
  parseEvent,
  Topics,
} from '@loanmesh/contracts';
import {
  createTestDatabase,
  createTestDatabaseRoles,
  KafkaTestClient,
  type ServiceProcess,
  startServiceProcess,
  TEST_INFRA_ENV,
  type TestDatabase,
  uniqueId,
  waitFor,
  waitForStableGroups,
  waitUntilReady,
} from '@loanmesh/testing';

import {
  companyPayload,
  coreBankingEvent,
  personPayload,
} from '../../apps/ingestion/src/testing/core-banking-event.factory';
import { localServiceHeaders } from '@loanmesh/service-auth';

import { addReviewUser } from '../../apps/review/src/testing/review-user.factory';

/**
 * The whole pipeline with every service as a real process and the real Kafka, Neo4j and
 * PostgreSQL: core-banking events in, graph features, ONNX score, policy, decision out.
 */
describe('LoanMesh pipeline end to end', () => {
  const run = uniqueId('e2e');
  const ports = { ingestion: 4101, graph: 4102, inference: 4103, review: 4104 };
  const groups = Object.fromEntries(Object.keys(ports).map((s) => [s, `${run}-${s}`])) as Record<
    keyof typeof ports,
    string
  >;
  const writerGroup = `${run}-graph-writer`;
  const services: ServiceProcess[] = [];
  const client = new KafkaTestClient();
  let db: TestDatabase;
  let decisions: { value: Buffer | null }[];
  const startedAt = new Date();

  beforeAll(async () => {
    db = await createTestDatabase();
    // As locally and in production: the services run as the application role, migrate as the owner.
    const roles = await createTestDatabaseRoles(db);
    const common = {
      ...TEST_INFRA_ENV,
      KAFKA_FROM_BEGINNING: 'false',
      DATABASE_URL: roles.appUrl,
      DATABASE_MIGRATION_URL: roles.ownerUrl,
      PII_HASH_KEY: 'e2e-test-key-0123456789',
      GRAPH_WRITER_GROUP_ID: writerGroup,
      GRAPH_BASE_URL: `http://127.0.0.1:${ports.graph}`,
      INFERENCE_BASE_URL: `http://127.0.0.1:${ports.inference}`,
      INGESTION_BASE_URL: `http://127.0.0.1:${ports.ingestion}`,
      LOG_LEVEL: 'warn',
    };
    for (const [name, port] of Object.entries(ports)) {
      services.push(
        startServiceProcess(name, port, {
          ...common,
          KAFKA_CLIENT_ID: `${run}-${name}`,
          KAFKA_GROUP_ID: groups[name as keyof typeof ports],
        }),
      );
    }
    await Promise.all(services.map((s) => waitUntilReady(s)));
    await waitForStableGroups(client.kafka, [...Object.values(groups), writerGroup]);
    decisions = await client.capture([Topics.decisionMade]);
  }, 300000);

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    await client.close();
    await db?.drop();
  }, 60000);

  const ids = (name: string) => `${run}-${name}`;
  const decisionFor = (applicationId: string) =>
    decisions
      .map((d) => parseEvent<DecisionMadeEvent>(d.value, decisionMadeRegistry))
      .find((d) => d.payload.applicationId === applicationId);

  let circles = 0;
  /**
   * Three companies guaranteeing each other's loans in a cycle, named `<circle>-b1..b3`, each
   * with its own phone and address (shared ones would make entity resolution link them).
   */
  function guaranteeCircle(circle = 'c0'): CoreBankingEvent[] {
    const members = ['b1', 'b2', 'b3'].map((m) => ids(`${circle}-${m}`));
    const n = circles++;
    return members.flatMap((id, i) => {
      const next = members[(i + 1) % members.length];
      const own = { phone: `+44 20 79${String(n).padStart(2, '0')} ${String(100 + i)}` };
      const address = { line1: `${n * 3 + i + 1} Circle Road`, city: 'London', postcode: 'E1 6AN' };
      return [
        coreBankingEvent(T.companyRegistered, companyPayload(id, { ...own, address })),
        coreBankingEvent(
          T.loanDisbursed,
          {
            loanId: `${next}-loan`,
            companyId: next,
            amount: 200000,
            termMonths: 24,
            purpose: 'EXPANSION',
            interestRate: 0.08,
            disbursedAt: '2023-01-10',
            maturityAt: '2025-01-10',
          },
          '2023-01-10T00:00:00.000Z',
        ),
        coreBankingEvent(
          T.guaranteeRegistered,
          {
            guaranteeId: `${id}-g`,
            loanId: `${next}-loan`,
            borrowerCompanyId: next,
            guarantor: { kind: 'company', id },
            amount: 200000,
            validFrom: '2023-01-10',
          },
          '2023-01-10T00:00:00.000Z',
        ),
      ];
    });
  }

  function cleanCompany(): CoreBankingEvent[] {
    const id = ids('clean');
    return [
      coreBankingEvent(
        T.companyRegistered,
        companyPayload(id, { phone: '+44 20 7946 0555', annualRevenue: 4_000_000 }),
      ),
      coreBankingEvent(T.personRegistered, personPayload(`${id}-p`)),
      coreBankingEvent(T.directorLinked, {
        companyId: id,
        personId: `${id}-p`,
        role: 'DIRECTOR',
        validFrom: '2019-01-02',
      }),
    ];
  }

  const application = (company: string, amount: number) =>
    coreBankingEvent(
      T.applicationSubmitted,
      {
        applicationId: `${company}-app`,
        companyId: company,
        amount,
        termMonths: 24,
        purpose: 'WORKING_CAPITAL',
        submittedAt: new Date().toISOString(),
        guarantors: [],
      },
      new Date().toISOString(),
    );

  async function publish(events: CoreBankingEvent[]): Promise<void> {
    await client.produce(
      Topics.coreBankingEvents,
      events.map((e) => ({ key: coreBankingKey(e), value: JSON.stringify({ ...e, correlationId: randomUUID() }) })),
    );
  }

  it('should decide every application and carry each hop time when its data arrives in the same batch', async () => {
    // No pause between the world and the applications: the freshness contract, not the
    // test, makes the graph catch up (or the application go to a human).
    await publish([
      ...cleanCompany(),
      ...guaranteeCircle(),
      application(ids('clean'), 60000),
      application(ids('c0-b1'), 150000),
    ]);

    const clean = await waitFor(() => decisionFor(`${ids('clean')}-app`), 120000, 'decision for the clean company');
    const circle = await waitFor(() => decisionFor(`${ids('c0-b1')}-app`), 120000, 'decision for the circle member');

    for (const d of [clean, circle]) {
      const h = d.payload.hops;
      expect(
        [h.submittedAt, h.ingestedAt, h.featuresAt, h.scoredAt, h.decidedAt].every((t) => typeof t === 'number'),
      ).toBe(true);
      expect(d.payload.modelVersion).toBeTruthy();
      expect(d.payload.policyVersion).toBeTruthy();
    }
    expect(['APPROVED', 'DECLINED', 'REFERRED']).toContain(clean.payload.outcome);
  }, 300000);

  it('should show the planted guarantee circle in the graph once its writer has applied the batch', async () => {
    type View = { features?: CircleFeatures; graph?: CircleFeatures };
    type CircleFeatures = { inGuaranteeCircle: number; guaranteeCircleSize: number };
    // The circle's events sit on other partitions than the application's, and a degraded
    // decision may come before the writer applied them: poll until the graph has them all.
    const features = await waitFor(
      async () => {
        const r = await fetch(`http://127.0.0.1:${ports.graph}/applications/${ids('c0-b1')}-app/features`, {
          headers: localServiceHeaders('graph'),
        });
        const body = r.status === 200 ? ((await r.json()) as View) : undefined;
        const f = body?.features ?? body?.graph;
        return f?.inGuaranteeCircle === 1 ? f : undefined;
      },
      60000,
      'the circle in the graph',
    );

    expect(features).toMatchObject({ inGuaranteeCircle: 1, guaranteeCircleSize: 3 });
  }, 90000);

  it('should account for both applications as decided when asked for the window they were received in', async () => {
    const login = await fetch(`http://127.0.0.1:${ports.review}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'auditor1', password: await addReviewUser(db.url, 'auditor1', 'auditor') }),
    });
    const { token } = (await login.json()) as { token: string };
    const query = new URLSearchParams({ from: startedAt.toISOString(), to: new Date().toISOString() });

    const res = await fetch(`http://127.0.0.1:${ports.review}/applications/accounting?${query.toString()}`, {
      headers: { authorization: `Bearer ${token}` },
    });

    expect(res.status).toBe(200);
    const a = applicationAccountingSchema.parse(await res.json());
    expect(a).toMatchObject({ sent: 2, parked: 0, deadLettered: 0, inFlight: 0, inFlightIds: [], balanced: true });
    expect(a.decidedAutomatically + a.referred + a.degraded).toBe(2);
  }, 60000);

  it('should never let a circle member through automatically when its circle arrives in the same batch, 20 times out of 20', async () => {
    const circles = Array.from({ length: 20 }, (_, i) => `r${i}`);
    for (const c of circles) {
      await publish([...guaranteeCircle(c), application(ids(`${c}-b1`), 150000)]);
    }

    const outcomes = await waitFor(
      () => {
        const got = circles.map((c) => decisionFor(`${ids(`${c}-b1`)}-app`));
        return got.every((d) => d !== undefined) ? got.map((d) => d.payload.outcome) : undefined;
      },
      180000,
      'decisions for all 20 circle members',
    );

    expect(outcomes).toHaveLength(20);
    expect(outcomes.filter((o) => o === 'APPROVED')).toEqual([]);
  }, 300000);
});
