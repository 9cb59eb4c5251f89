import fc from 'fast-check';
import type { DataSource, EntityManager } from 'typeorm';

import {
  type CoreBankingEvent,
  coreBankingRegistry,
  coreBankingSchemas,
  type DomainEvent,
  domainEventRegistry,
  parseEvent,
  Topics,
} from '@loanmesh/contracts';
import { createDataSourceOptions, initializeDataSource, OutboxWriter } from '@loanmesh/database';
import { createTestDatabase, type TestDatabase, zodArbitrary } from '@loanmesh/testing';

import { INGESTION_SCHEMA, ingestionEntities, ingestionMigrations } from '../database/ingestion-database';
import { DomainEventNormalizer } from '../ingest/domain-event.normalizer';
import { IngestionStoreRepository } from '../ingest/ingestion-store.repository';
import { domainEventMessage } from '../ingest/outbound-message.builder';
import { PiiTokenizerService } from '../pii/pii-tokenizer.service';
import { reduceWrites } from './store-write.reducer';
import { toStoreWrite } from './store-write.mapper';

/** Any core-banking event the contract accepts, as the consumer gets it (JSON, then parseEvent). */
const anyEvent: fc.Arbitrary<CoreBankingEvent> = fc
  .oneof(...Object.values(coreBankingSchemas).map((s) => zodArbitrary(s)))
  .map((e) => parseEvent<CoreBankingEvent>(JSON.stringify(e), coreBankingRegistry));

const RUNS = { numRuns: 300, interruptAfterTimeLimit: 90_000, markInterruptAsFailure: false };

/**
 * What the contract accepts, PostgreSQL stores (issue 11): every accepted core-banking event
 * goes through ingestion's own persistence path (normalizer, raw events jsonb, the typed
 * current-state tables, parked applications, history, outbox) in a migrated database,
 * without a store error, and its raw event reads back unchanged.
 */
describe('ingestion store accepts what the contract accepts', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const store = new IngestionStoreRepository();
  const outbox = new OutboxWriter();
  const normalizer = new DomainEventNormalizer(
    new PiiTokenizerService({ PII_HASH_KEY: 'property-test-key-0123456789' }),
  );
  let offset = 0;

  beforeAll(async () => {
    db = await createTestDatabase('ingestion_prop');
    ds = await initializeDataSource(
      createDataSourceOptions({
        url: db.url,
        schema: INGESTION_SCHEMA,
        entities: ingestionEntities,
        migrations: ingestionMigrations,
        poolSize: 2,
      }),
    );
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  /** The writes one accepted event makes, in the order the ingest service makes them. */
  async function persist(m: EntityManager, event: CoreBankingEvent, domain: DomainEvent): Promise<void> {
    offset += 1;
    await store.insertRawEvents(m, [
      {
        topic: Topics.coreBankingEvents,
        kafka_partition: 0,
        kafka_offset: String(offset),
        event_id: event.eventId,
        source: domain.source,
        type: domain.type,
        schema_version: domain.schemaVersion,
        occurred_at: domain.occurredAt,
        message_key: null,
        applied: false,
        event: domain,
      },
    ]);
    for (const [table, rows] of reduceWrites([toStoreWrite(domain)])) {
      await store.upsert(m, table, rows);
    }
    if (event.type === 'loan.application-submitted') {
      await store.park(m, [event], new Date());
      await store.recordHistory(m, [event]);
      await store.firstReceipts(m, [event.payload.applicationId]);
    }
    await store.markApplied(m, [{ source: domain.source, eventId: domain.eventId }]);
    await outbox.write(m, [domainEventMessage(event, domain, new Date())]);
  }

  it('should store every accepted core-banking event without a store error', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(anyEvent, async (event) => {
        runs += 1;
        const domain = normalizer.normalize(event);

        await ds.transaction((m) => persist(m, event, domain));

        const [row] = await ds.query<{ event: unknown }[]>(
          `SELECT event FROM "${INGESTION_SCHEMA}".raw_events WHERE event_id = $1 AND source = $2`,
          [event.eventId, event.source],
        );
        expect(row?.event).toEqual(JSON.parse(JSON.stringify(domain)));
      }),
      RUNS,
    );
    expect(runs).toBeGreaterThanOrEqual(100);
  }, 120_000);

  it('should publish a domain event the graph accepts for every accepted core-banking event', () => {
    fc.assert(
      fc.property(anyEvent, (event) => {
        const message = domainEventMessage(event, normalizer.normalize(event), new Date());

        expect(parseEvent(JSON.stringify(message.payload), domainEventRegistry)).toEqual(
          JSON.parse(JSON.stringify(message.payload)),
        );
      }),
      { numRuns: 500 },
    );
  }, 60_000);
});
