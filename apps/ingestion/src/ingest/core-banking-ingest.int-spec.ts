import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';

import {
  type CoreBankingEvent,
  CoreBankingEventTypes as T,
  DeadLetterTopics,
  Headers,
  MAX_EVENT_BYTES,
  Topics,
} from '@loanmesh/contracts';
import { KafkaTestClient, type CapturedRecord, type TestDatabase, waitFor } from '@loanmesh/testing';

import type { DeadLetterListing } from '../dead-letters/dead-letter-ledger.service';
import type { IngestionStats } from '../stats/ingestion-stats.service';
import { CompanyEntity } from '../store/company.entity';
import { companyLife, companyPayload, coreBankingEvent, personPayload } from '../testing/core-banking-event.factory';
import { getJson, startIngestion, testEnvironment } from '../testing/ingestion-test.harness';

const FIXTURES = join(__dirname, '../../../../test/fixtures/corebanking.events.v1');
const fixture = (dir: string, name: string): Buffer => readFileSync(join(FIXTURES, dir, name));

describe('CoreBankingIngestService (real Kafka and PostgreSQL)', () => {
  jest.setTimeout(180_000);
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  let dataSource: DataSource;
  const kafka = new KafkaTestClient();
  let captured: CapturedRecord[];

  beforeAll(async () => {
    const t = await testEnvironment();
    db = t.db;
    captured = await kafka.capture([Topics.domainEvents, Topics.applicationReceived, DeadLetterTopics.ingestion]);
    ({ app, url } = await startIngestion(t.env));
    dataSource = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await kafka.close();
    await db?.drop();
  });

  const stats = (): Promise<IngestionStats> => getJson<IngestionStats>(`${url}/ingestion/stats`);

  it('should dead-letter each kind of bad input with its reason when good events surround it', async () => {
    const bad = readdirSync(join(FIXTURES, 'not-ok')).map((name) => ({
      code: name.split('--')[0],
      value: fixture('not-ok', name),
    }));
    const oversized = Buffer.from(JSON.stringify({ type: 'company.registered', pad: 'x'.repeat(MAX_EVENT_BYTES) }));
    bad.push({ code: 'OVERSIZED', value: oversized });
    const good = [fixture('ok', 'company.registered.json'), fixture('ok', 'person.registered.json')];
    const key = 'poison-partition';
    const before = await stats();

    await kafka.produce(Topics.coreBankingEvents, [
      { key, value: good[0] },
      ...bad.map((b) => ({ key, value: b.value })),
      { key, value: good[1] },
    ]);

    const letters = await waitFor(
      () => {
        const dl = captured.filter((r) => r.topic === DeadLetterTopics.ingestion && r.key === key);
        return dl.length >= bad.length ? dl : undefined;
      },
      90_000,
      'dead letters',
    );
    expect(letters.map((l) => l.headers[Headers.deadLetterCode]).sort()).toEqual(bad.map((b) => b.code).sort());
    const malformed = letters.find((l) => l.headers[Headers.deadLetterCode] === 'MALFORMED_JSON')!;
    expect(malformed.value).toEqual(bad.find((b) => b.code === 'MALFORMED_JSON')!.value);
    const after = await waitFor(
      async () => {
        const s = await stats();
        return s.deadLettered - before.deadLettered === bad.length && s.stored - before.stored === 2 ? s : undefined;
      },
      60_000,
      'stats to add up',
    );
    expect(after.total - before.total).toBe(bad.length + good.length);
    const listing = await getJson<DeadLetterListing>(`${url}/dead-letters?limit=5`);
    expect(listing.byCode.find((c) => c.code === 'SCHEMA_VIOLATION')?.count).toBe(2);
    expect(listing.items).toHaveLength(5);
  });

  it('should store an event once when it is delivered twice', async () => {
    const event = coreBankingEvent(T.companyRegistered, companyPayload('dup-co'));
    const value = JSON.stringify(event);
    const before = await stats();

    await kafka.produce(Topics.coreBankingEvents, [
      { key: 'dup-co', value },
      { key: 'dup-co', value },
    ]);

    const after = await waitFor(
      async () => {
        const s = await stats();
        return s.total - before.total === 2 ? s : undefined;
      },
      60_000,
      'both deliveries counted',
    );
    expect(after.stored - before.stored).toBe(1);
    expect(after.duplicates - before.duplicates).toBe(1);
    const published = await waitFor(
      () => {
        const d = captured.filter((r) => r.topic === Topics.domainEvents && r.key === 'dup-co');
        return d.length > 0 ? d : undefined;
      },
      30_000,
      'domain event',
    );
    expect(published).toHaveLength(1);
  });

  it('should publish tokenized domain events and an application with its history when a company life is ingested', async () => {
    const events = companyLife('life-co');
    await kafka.produce(
      Topics.coreBankingEvents,
      events.map((e) => ({ key: 'life-co', value: JSON.stringify(e) })),
    );

    const received = await waitFor(
      () => captured.find((r) => r.topic === Topics.applicationReceived && r.key === 'life-co'),
      60_000,
      'application.received',
    );
    const app = JSON.parse(received.value!.toString()) as {
      payload: { history: unknown; company: { companyId: string }; hops: { ingestedAt: number } };
    };
    expect(app.payload.company.companyId).toBe('life-co');
    expect(app.payload.history).toEqual({
      priorLoans: 1,
      priorDefaults: 0,
      missedPayments12m: 1,
      outstandingExposure: 60000,
      activePublicRecords: 1,
    });
    expect(app.payload.hops.ingestedAt).toBeGreaterThan(0);
    const domain = await waitFor(
      () => {
        const d = captured.filter(
          (r) =>
            (r.topic === Topics.domainEvents && r.key === 'life-co-p') ||
            (r.topic === Topics.domainEvents && r.key === 'life-co'),
        );
        return d.length >= events.length ? d : undefined;
      },
      60_000,
      'domain events',
    );
    const text = domain.map((d) => d.value!.toString()).join('\n');
    // The raw identifiers, not fragments of them: a four-digit fragment turns up by chance in
    // random event ids and hex tokens.
    const person = personPayload('life-co-p');
    expect(text).not.toContain(person.nationalId);
    for (const phone of [person.phone, companyPayload('life-co').phone]) {
      expect(text).not.toContain(phone);
      expect(text).not.toContain(phone.replace(/\D/g, '').slice(-10));
    }
    expect(text).toContain('nationalIdToken');
    // Everything it stored is on Kafka: the backlog the demo waits on before its live run.
    await waitFor(async () => ((await stats()).outboxUnpublished === 0 ? true : undefined), 30_000, 'an empty outbox');
  });

  it('should park an application that arrives before its company and apply it when the company arrives', async () => {
    const application = JSON.parse(
      fixture('ok', 'application-for-unknown-company.json').toString(),
    ) as CoreBankingEvent;
    const companyId = `parked-${Date.now().toString(36)}`;
    const early = {
      ...application,
      eventId: randomUUID(),
      payload: { ...application.payload, companyId, applicationId: `${companyId}-app` },
    } as CoreBankingEvent;
    const before = await stats();

    await kafka.produce(Topics.coreBankingEvents, [{ key: companyId, value: JSON.stringify(early) }]);
    await waitFor(
      async () => ((await stats()).stored - before.stored === 1 ? true : undefined),
      60_000,
      'early application stored',
    );
    const parked = await dataSource.query<{ applied: boolean }[]>(
      'SELECT applied FROM ingestion.raw_events WHERE event_id = $1',
      [early.eventId],
    );
    expect(parked).toEqual([{ applied: false }]);
    await kafka.produce(Topics.coreBankingEvents, [
      { key: companyId, value: JSON.stringify(coreBankingEvent(T.companyRegistered, companyPayload(companyId))) },
    ]);

    const received = await waitFor(
      () => captured.find((r) => r.topic === Topics.applicationReceived && r.key === companyId),
      60_000,
      'application.received after the company',
    );
    const payload = JSON.parse(received.value!.toString()) as {
      causationId: string;
      payload: { company: { companyId: string } };
    };
    expect(payload.causationId).toBe(early.eventId);
    expect(payload.payload.company.companyId).toBe(companyId);
    const rows = await dataSource.query<{ applied: boolean }[]>(
      'SELECT applied FROM ingestion.raw_events WHERE event_id = $1',
      [early.eventId],
    );
    expect(rows).toEqual([{ applied: true }]);
    const after = await stats();
    expect(after.deadLettered).toBe(before.deadLettered);
    expect(after.stored - before.stored).toBe(2);
  });

  it('should converge to the in-order state when the same updates arrive out of order', async () => {
    const versions = [0, 1, 2, 3, 4];
    const updates = (id: string) =>
      versions.map((v) =>
        coreBankingEvent(
          v === 0 ? T.companyRegistered : T.companyUpdated,
          companyPayload(id, { version: v, employees: 10 + v }),
        ),
      );
    const inOrder = updates('order-a');
    const shuffled = updates('order-b').reverse();

    await kafka.produce(Topics.coreBankingEvents, [
      ...inOrder.map((e) => ({ key: 'order-a', value: JSON.stringify(e) })),
      ...shuffled.map((e) => ({ key: 'order-b', value: JSON.stringify(e) })),
    ]);

    const rows = await waitFor(
      async () => {
        const r = await dataSource
          .getRepository(CompanyEntity)
          .findBy([{ companyId: 'order-a' }, { companyId: 'order-b' }]);
        return r.length === 2 && r.every((c) => c.version === 4) ? r : undefined;
      },
      60_000,
      'both companies at version 4',
    );
    const [a, b] = [rows.find((r) => r.companyId === 'order-a')!, rows.find((r) => r.companyId === 'order-b')!];
    expect(b.employees).toBe(a.employees);
    expect(b.employees).toBe(14);
    expect(b.eventId).toBe(shuffled[0].eventId);
    const raw = await waitFor(
      async () => {
        const n = await dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM ingestion.raw_events WHERE event->'payload'->>'companyId' = 'order-b'`,
        );
        return n[0].n === 5 ? n : undefined;
      },
      30_000,
      'late events recorded',
    );
    expect(raw[0].n).toBe(5);
  });
});
