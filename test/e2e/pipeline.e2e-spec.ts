import { randomUUID } from 'node:crypto';

import {
  type CoreBankingEvent,
  coreBankingKey,
  CoreBankingEventTypes as T,
  decisionMadeRegistry,
  type DecisionMadeEvent,
  parseEvent,
  Topics,
} from '@loanmesh/contracts';
import {
  createTestDatabase,
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

  beforeAll(async () => {
    db = await createTestDatabase();
    const common = {
      ...TEST_INFRA_ENV,
      KAFKA_FROM_BEGINNING: 'false',
      DATABASE_URL: db.url,
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

  function guaranteeCircle(): CoreBankingEvent[] {
    const members = ['b1', 'b2', 'b3'].map(ids);
    return members.flatMap((id, i) => {
      const next = members[(i + 1) % members.length];
      return [
        coreBankingEvent(T.companyRegistered, companyPayload(id, { phone: `+44 20 7946 ${String(100 + i)}` })),
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

  it('should decide every application and carry each hop time when the world is loaded first', async () => {
    await publish([...cleanCompany(), ...guaranteeCircle()]);
    // The graph writer batches; give it time to apply the world before applications arrive.
    await new Promise((r) => setTimeout(r, 3000));
    await publish([application(ids('clean'), 60000), application(ids('b1'), 150000)]);

    const clean = await waitFor(() => decisionFor(`${ids('clean')}-app`), 120000, 'decision for the clean company');
    const circle = await waitFor(() => decisionFor(`${ids('b1')}-app`), 120000, 'decision for the circle member');

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

  it('should show the planted guarantee circle in the features the graph served for the application', async () => {
    const res = await fetch(`http://127.0.0.1:${ports.graph}/applications/${ids('b1')}-app/features`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      features?: { inGuaranteeCircle: number; guaranteeCircleSize: number };
      graph?: { inGuaranteeCircle: number; guaranteeCircleSize: number };
    };
    const features = body.features ?? body.graph;
    expect(features).toMatchObject({ inGuaranteeCircle: 1, guaranteeCircleSize: 3 });
  }, 60000);

  it('should never let the circle member through automatically when graph risk demands a human', () => {
    const circle = decisionFor(`${ids('b1')}-app`);
    expect(circle?.payload.outcome === 'REFERRED' || circle?.payload.outcome === 'DECLINED').toBe(true);
  });
});
