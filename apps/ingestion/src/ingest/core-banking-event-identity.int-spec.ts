import { randomUUID } from 'node:crypto';

import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';

import {
  type CoreBankingEvent,
  CoreBankingEventTypes as T,
  DeadLetterTopics,
  eventDigest,
  Headers,
  Topics,
} from '@loanmesh/contracts';
import { KafkaTestClient, type CapturedRecord, type TestDatabase, waitFor } from '@loanmesh/testing';

import type { DeadLetterListing } from '../dead-letters/dead-letter-ledger.service';
import type { IngestionStats } from '../stats/ingestion-stats.service';
import { companyPayload, coreBankingEvent, personPayload } from '../testing/core-banking-event.factory';
import { getJson, ingestionGet, startIngestion, testEnvironment } from '../testing/ingestion-test.harness';
import { INGESTION_CONSUMER } from './core-banking-ingest.service';
import { DomainEventNormalizer } from './domain-event.normalizer';

/** The same JSON with keys in reverse order at every level: what a re-serializing producer may send. */
function reserialized(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(reserialized);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reserialized(v)]),
  );
}

function accountOpened(id: string, eventId: string, source = 'core-banking'): CoreBankingEvent {
  const event = coreBankingEvent(T.accountOpened, {
    accountId: `${id}-acc`,
    owner: { kind: 'company', id },
    accountNumber: '12345678901234',
    openedAt: '2020-01-01',
  });
  return { ...event, eventId, source };
}

describe('core-banking event identity (real Kafka and PostgreSQL)', () => {
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
    captured = await kafka.capture([DeadLetterTopics.ingestion]);
    ({ app, url } = await startIngestion(t.env));
    dataSource = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await kafka.close();
    await db?.drop();
  });

  const stats = (): Promise<IngestionStats> => getJson<IngestionStats>(`${url}/ingestion/stats`);
  const statsAfter = (before: IngestionStats, total: number, what: string): Promise<IngestionStats> =>
    waitFor(
      async () => {
        const s = await stats();
        return s.total - before.total >= total ? s : undefined;
      },
      60_000,
      what,
    );
  const digestOf = (e: CoreBankingEvent): string => eventDigest(app.get(DomainEventNormalizer).normalize(e));
  const conflictCount = async (): Promise<number> => {
    const text = await (await ingestionGet(`${url}/metrics`)).text();
    const line = text
      .split('\n')
      .find((l) => l.startsWith(`loanmesh_event_id_conflicts_total{consumer="${INGESTION_CONSUMER}"}`));
    return line === undefined ? 0 : Number(line.split(' ')[1]);
  };

  it('should store one copy and count one duplicate when the same content comes again re-serialized', async () => {
    const event = coreBankingEvent(T.companyRegistered, companyPayload('same-co'));
    const again = { ...(reserialized(event) as object), producedAt: '2030-01-01T00:00:00.000Z' };
    const before = await stats();

    await kafka.produce(Topics.coreBankingEvents, [
      { key: 'same-co', value: JSON.stringify(event) },
      { key: 'same-co', value: JSON.stringify(again) },
    ]);

    const after = await statsAfter(before, 2, 'both copies counted');
    expect(after.stored - before.stored).toBe(1);
    expect(after.duplicates - before.duplicates).toBe(1);
    expect(after.deadLettered).toBe(before.deadLettered);
  });

  it('should dead-letter an event reusing a stored id with other content and store the valid event behind it', async () => {
    const companyId = `conflict-co-${randomUUID().slice(0, 8)}`;
    const sharedId = randomUUID();
    // As in the incident: an earlier run's account.opened holds the id the company registration reuses.
    const earlier = accountOpened(companyId, sharedId);
    const registration = { ...coreBankingEvent(T.companyRegistered, companyPayload(companyId)), eventId: sharedId };
    const behindIt = coreBankingEvent(T.personRegistered, personPayload(`${companyId}-p`));
    const before = await stats();
    const conflictsBefore = await conflictCount();

    await kafka.produce(Topics.coreBankingEvents, [{ key: companyId, value: JSON.stringify(earlier) }]);
    await statsAfter(before, 1, 'the earlier event stored');
    await kafka.produce(Topics.coreBankingEvents, [
      { key: companyId, value: JSON.stringify(registration) },
      { key: companyId, value: JSON.stringify(behindIt) },
    ]);

    const letter = await waitFor(
      () => captured.find((r) => r.key === companyId),
      60_000,
      'dead letter of the conflicting registration',
    );
    expect(letter.headers[Headers.deadLetterCode]).toBe('EVENT_ID_CONFLICT');
    expect(JSON.parse(letter.value!.toString())).toEqual(registration);
    const reason = letter.headers[Headers.deadLetterReason];
    expect(reason).toContain(`event id ${sharedId} from source 'core-banking'`);
    expect(reason).toContain(`applied digest ${digestOf(earlier).slice(0, 12)}`);
    expect(reason).toContain(`this digest ${digestOf(registration).slice(0, 12)}`);
    const after = await waitFor(
      async () => {
        const s = await stats();
        return s.deadLettered - before.deadLettered === 1 && s.stored - before.stored === 2 ? s : undefined;
      },
      60_000,
      'the valid event stored and the dead letter recorded',
    );
    expect(after.duplicates).toBe(before.duplicates);
    const stored = await dataSource.query<{ event_id: string; type: string }[]>(
      `SELECT event_id, type FROM ingestion.raw_events WHERE event_id = ANY($1) ORDER BY type`,
      [[sharedId, behindIt.eventId]],
    );
    expect(stored).toEqual([
      { event_id: sharedId, type: T.accountOpened },
      { event_id: behindIt.eventId, type: T.personRegistered },
    ]);
    expect(await conflictCount()).toBe(conflictsBefore + 1);
    const listing = await getJson<DeadLetterListing>(`${url}/dead-letters?code=EVENT_ID_CONFLICT`);
    expect(listing.byCode).toEqual([{ code: 'EVENT_ID_CONFLICT', count: listing.total }]);
    expect(listing.items.some((i) => i.reason === reason && i.topic === Topics.coreBankingEvents)).toBe(true);
  });

  it('should dead-letter the second of two events sharing an id in one batch and apply the first', async () => {
    const companyId = `batch-conflict-${randomUUID().slice(0, 8)}`;
    const sharedId = randomUUID();
    const account = accountOpened(companyId, sharedId);
    const registration = { ...coreBankingEvent(T.companyRegistered, companyPayload(companyId)), eventId: sharedId };
    const behindIt = coreBankingEvent(T.personRegistered, personPayload(`${companyId}-p`));
    const before = await stats();

    await kafka.produce(Topics.coreBankingEvents, [
      { key: companyId, value: JSON.stringify(account) },
      { key: companyId, value: JSON.stringify(registration) },
      { key: companyId, value: JSON.stringify(behindIt) },
    ]);

    const letter = await waitFor(() => captured.find((r) => r.key === companyId), 60_000, 'dead letter');
    expect(letter.headers[Headers.deadLetterCode]).toBe('EVENT_ID_CONFLICT');
    expect(JSON.parse(letter.value!.toString())).toEqual(registration);
    const after = await statsAfter(before, 3, 'all three records counted');
    expect(after.stored - before.stored).toBe(2);
    expect(after.deadLettered - before.deadLettered).toBe(1);
  });

  it('should store both events when two sources use the same event id', async () => {
    const companyId = `two-sources-${randomUUID().slice(0, 8)}`;
    const sharedId = randomUUID();
    const registration = { ...coreBankingEvent(T.companyRegistered, companyPayload(companyId)), eventId: sharedId };
    const fromBranch = accountOpened(companyId, sharedId, 'branch-system');
    const before = await stats();

    await kafka.produce(Topics.coreBankingEvents, [
      { key: companyId, value: JSON.stringify(registration) },
      { key: companyId, value: JSON.stringify(fromBranch) },
    ]);

    const after = await statsAfter(before, 2, 'both events counted');
    expect(after.stored - before.stored).toBe(2);
    expect(after.deadLettered).toBe(before.deadLettered);
    const rows = await dataSource.query<{ source: string; type: string }[]>(
      'SELECT source, type FROM ingestion.raw_events WHERE event_id = $1 ORDER BY source',
      [sharedId],
    );
    expect(rows).toEqual([
      { source: 'branch-system', type: T.accountOpened },
      { source: 'core-banking', type: T.companyRegistered },
    ]);
    expect(captured.some((r) => r.key === companyId)).toBe(false);
  });
});
