import type { INestApplication } from '@nestjs/common';

import {
  type ApplicationReceivedEvent,
  coreBankingKey,
  type CoreBankingEvent,
  type CreditHistory,
  Topics,
} from '@loanmesh/contracts';
import { type CapturedRecord, KafkaTestClient, type TestDatabase, waitFor } from '@loanmesh/testing';
import { BacklogEventSource, CreditLedger, WorldGeneratorService, worldOptions } from '@loanmesh/world';

import { startIngestion, testEnvironment } from '../testing/ingestion-test.harness';

const PUBLISH_CHUNK = 1000;

interface Mismatch {
  application: string;
  training: CreditHistory;
  serving: CreditHistory;
}

/**
 * The credit history of the same applications through the training path (the world's
 * ledger, what the history files hold) and the serving path (the world's core-banking events
 * through the real ingestion service: Kafka, its PostgreSQL store and the history query, read
 * back from the application.received messages). Any difference fails; counts and money alike
 * must be equal.
 */
describe('Credit history parity: training (world ledger) against serving (ingestion)', () => {
  jest.setTimeout(900_000);
  const generated = new WorldGeneratorService().generate(worldOptions(11, 0.02));
  const { world } = generated;
  const kafka = new KafkaTestClient();
  let db: TestDatabase;
  let app: INestApplication;
  let received: CapturedRecord[];

  beforeAll(async () => {
    const t = await testEnvironment();
    db = t.db;
    received = await kafka.capture([Topics.applicationReceived]);
    ({ app } = await startIngestion(t.env));
  });

  afterAll(async () => {
    await kafka.close();
    await app?.close();
    await db?.drop();
  });

  it('should give every backlog application the same credit history on both paths', async () => {
    const events: CoreBankingEvent[] = [...new BacklogEventSource(world).events()];
    const applications = world.loans.filter((l) => l.submittedDay < world.nowDay);
    const wanted = new Set(applications.map((l) => l.applicationId));
    for (let i = 0; i < events.length; i += PUBLISH_CHUNK) {
      await kafka.produce(
        Topics.coreBankingEvents,
        events.slice(i, i + PUBLISH_CHUNK).map((e) => ({ key: coreBankingKey(e), value: JSON.stringify(e) })),
      );
    }
    const served = await waitFor(
      () => {
        const byId = historiesOf(received, wanted);
        return byId.size >= wanted.size ? byId : undefined;
      },
      600_000,
      `application.received for all ${wanted.size} applications`,
    );
    const ledger = new CreditLedger(world);
    const mismatches: Mismatch[] = [];
    let withHistory = 0;
    for (const l of applications) {
      const training = ledger.creditHistory(l.company, l.submittedDay);
      const serving = served.get(l.applicationId)!;
      withHistory += training.priorLoans > 0 ? 1 : 0;
      if (JSON.stringify(training) !== JSON.stringify(serving)) {
        mismatches.push({ application: l.applicationId, training, serving });
      }
    }

    // Enough applicants with a past for equality to mean something.
    expect(withHistory).toBeGreaterThan(50);
    expect(mismatches).toEqual([]);
  });
});

/** The history each wanted application was sent with (first message per application). */
function historiesOf(records: readonly CapturedRecord[], wanted: ReadonlySet<string>): Map<string, CreditHistory> {
  const out = new Map<string, CreditHistory>();
  for (const r of records) {
    const e = JSON.parse(r.value?.toString() ?? '{}') as Partial<ApplicationReceivedEvent>;
    const id = e.payload?.application.applicationId;
    if (id !== undefined && wanted.has(id) && !out.has(id)) {
      const h = e.payload!.history;
      out.set(id, {
        priorLoans: h.priorLoans,
        priorDefaults: h.priorDefaults,
        missedPayments12m: h.missedPayments12m,
        outstandingExposure: h.outstandingExposure,
        activePublicRecords: h.activePublicRecords,
      });
    }
  }
  return out;
}
