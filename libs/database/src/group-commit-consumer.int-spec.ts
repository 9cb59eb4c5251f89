import { Controller, type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, type MicroserviceOptions } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { z } from 'zod';

import { DeadLetterTopics, eventSchema, Headers, type SchemaRegistry } from '@loanmesh/contracts';
import {
  InboundBatchService,
  type KafkaBatchContext,
  KafkaBatchServer,
  KafkaHealthIndicator,
  KafkaModule,
  kafkaBatchTransport,
  kafkaMicroserviceOptions,
} from '@loanmesh/kafka';
import { ConsumerHealthRegistry, ObservabilityModule } from '@loanmesh/observability';
import {
  type CapturedRecord,
  createTestDatabase,
  createTestTopics,
  KafkaTestClient,
  TcpProxy,
  TEST_KAFKA,
  type TestDatabase,
  uniqueId,
  waitFor,
} from '@loanmesh/testing';

import { initializeDataSource } from './database-root.module';
import { GroupCommitter } from './group-commit';
import { createSchemaMigration } from './schema.migration';
import { createDataSourceOptions } from './typeorm-options.factory';

const SCHEMA = 'poison_it';
const TOPIC = `testing.${uniqueId('poison')}.v1`;
const GROUP = uniqueId('poison-group');
const HTTP_PORT = 21101;

/** A permissive contract: any string passes, as a real one let U+0000 through. */
const noteSchema = eventSchema('test.note', 1, z.object({ id: z.string(), text: z.string() }));
type NoteEvent = z.infer<typeof noteSchema>;
const noteRegistry: SchemaRegistry = { 'test.note': { 1: noteSchema } };

class NotesTableMigration implements MigrationInterface {
  name = 'PoisonNotes1764200000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE ${SCHEMA}.notes (id text PRIMARY KEY, body jsonb NOT NULL)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${SCHEMA}.notes`);
  }
}

/** Stores notes through a GroupCommitter, one jsonb parameter per group, as the services do. */
class NoteStore {
  private readonly committer: GroupCommitter<NoteEvent, 'processed'>;

  constructor(dataSource: DataSource) {
    this.committer = new GroupCommitter(dataSource, (m, items) => this.insert(m, items));
  }

  save(event: NoteEvent): Promise<'processed'> {
    return this.committer.submit(event);
  }

  private async insert(m: EntityManager, items: NoteEvent[]): Promise<'processed'[]> {
    const rows = items.map((e) => ({ id: e.payload.id, body: { text: e.payload.text } }));
    await m.query(
      `INSERT INTO ${SCHEMA}.notes (id, body) SELECT x->>'id', x->'body' FROM jsonb_array_elements($1::jsonb) x
        ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(rows)],
    );
    return items.map(() => 'processed');
  }
}

@Controller()
class NoteConsumer {
  constructor(
    private readonly inbound: InboundBatchService,
    private readonly store: NoteStore,
  ) {}

  @EventPattern(TOPIC)
  async onNotes(@Ctx() ctx: KafkaBatchContext): Promise<void> {
    await this.inbound.processEach<NoteEvent>(ctx.records, noteRegistry, (e) => this.store.save(e));
  }
}

const note = (id: string, text: string): string =>
  JSON.stringify({
    eventId: randomUUID(),
    type: 'test.note',
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    producedAt: new Date().toISOString(),
    source: 'test',
    correlationId: `corr-${id}`,
    payload: { id, text },
  });

describe('a consumer writing through GroupCommitter into real PostgreSQL (poison records and outages)', () => {
  jest.setTimeout(120_000);
  let db: TestDatabase;
  let proxy: TcpProxy;
  let dataSource: DataSource;
  let app: INestApplication;
  let server: KafkaBatchServer;
  let kafka: KafkaTestClient;
  let deadLetters: CapturedRecord[];
  const url = `http://127.0.0.1:${HTTP_PORT}`;
  const key = 'one-partition';

  beforeAll(async () => {
    // Services only check their topics at boot; this suite's own topic is made here.
    await createTestTopics([TOPIC]);
    db = await createTestDatabase('poison_t');
    proxy = await TcpProxy.start('127.0.0.1', 5432);
    dataSource = await initializeDataSource(
      createDataSourceOptions({
        url: db.url.replace(':5432/', `:${proxy.port}/`),
        schema: SCHEMA,
        entities: [],
        migrations: [createSchemaMigration(SCHEMA), NotesTableMigration],
        poolSize: 4,
      }),
    );

    @Module({
      imports: [
        ObservabilityModule.forRoot(KafkaHealthIndicator),
        KafkaModule.forRoot({
          connection: TEST_KAFKA,
          clientId: GROUP,
          deadLetterTopic: DeadLetterTopics.test,
          topics: [TOPIC],
        }),
      ],
      controllers: [NoteConsumer],
      providers: [{ provide: NoteStore, useFactory: () => new NoteStore(dataSource) }],
    })
    class PoisonTestModule {}

    app = await NestFactory.create(PoisonTestModule, { logger: ['error'] });
    await app.init();
    kafka = new KafkaTestClient();
    deadLetters = await kafka.capture([DeadLetterTopics.test]);
    const transport = kafkaBatchTransport(kafkaMicroserviceOptions(TEST_KAFKA, GROUP, GROUP, true), {
      chunkSize: 50,
      partitionsConsumedConcurrently: 2,
      retry: { initialMs: 100, maxMs: 1000 },
    });
    server = transport.strategy as KafkaBatchServer;
    app.connectMicroservice<MicroserviceOptions>(transport);
    app.get(ConsumerHealthRegistry).registerStrategy(transport);
    await app.startAllMicroservices();
    await app.listen(HTTP_PORT, '127.0.0.1');
  });

  afterAll(async () => {
    await kafka?.close();
    await app?.close();
    await dataSource?.destroy();
    await proxy?.close();
    await db?.drop();
  });

  const mine = (): CapturedRecord[] => deadLetters.filter((d) => d.headers[Headers.originalTopic] === TOPIC);
  const stored = async (ids: readonly string[]): Promise<string[]> =>
    (
      await dataSource.query<{ id: string }[]>(`SELECT id FROM ${SCHEMA}.notes WHERE id = ANY($1) ORDER BY id`, [ids])
    ).map((r) => r.id);

  it('should dead-letter a record PostgreSQL refuses with its reason and store the rest of its batch and the records behind it', async () => {
    const run = uniqueId('nul');
    const before = Array.from({ length: 9 }, (_, i) => `${run}-a${i}`);
    const behind = Array.from({ length: 5 }, (_, i) => `${run}-b${i}`);
    const poison = note(`${run}-poison`, 'Acme\u0000Ltd');

    await kafka.produce(TOPIC, [
      ...before.slice(0, 4).map((id) => ({ key, value: note(id, 'ok') })),
      { key, value: poison },
      ...before.slice(4).map((id) => ({ key, value: note(id, 'ok') })),
    ]);
    await kafka.produce(
      TOPIC,
      behind.map((id) => ({ key, value: note(id, 'ok') })),
    );

    const all = [...before, ...behind];
    await waitFor(async () => ((await stored(all)).length === all.length ? true : undefined), 60_000, 'valid notes');
    const [dead] = await waitFor(() => (mine().length > 0 ? mine() : undefined), 30_000, 'the dead letter');
    expect(mine()).toHaveLength(1);
    expect(dead.headers[Headers.deadLetterCode]).toBe('STORE_REJECTED');
    expect(dead.headers[Headers.deadLetterReason]).toContain('unsupported Unicode escape sequence');
    expect(dead.value?.toString()).toBe(poison);
    expect(await stored([`${run}-poison`])).toEqual([]);
    expect(server.monitor.crashes).toBe(0);
    expect(server.monitor.state).toBe('running');
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
  });

  it('should pause the partition while PostgreSQL is unreachable, report not ready, dead-letter nothing and store every record once after recovery', async () => {
    const run = uniqueId('outage');
    const first = Array.from({ length: 5 }, (_, i) => `${run}-a${i}`);
    const during = Array.from({ length: 20 }, (_, i) => `${run}-b${i}`);
    await kafka.produce(
      TOPIC,
      first.map((id) => ({ key, value: note(id, 'ok') })),
    );
    await waitFor(async () => ((await stored(first)).length === first.length ? true : undefined), 30_000, 'first');
    const deadBefore = mine().length;

    await proxy.cut();
    await kafka.produce(
      TOPIC,
      during.map((id) => ({ key, value: note(id, 'ok') })),
    );
    await waitFor(
      () => (server.monitor.partitionsInBackoff().some((b) => b.attempts >= 2) ? true : undefined),
      30_000,
      'the partition in backoff',
    );
    const ready = await fetch(`${url}/health/ready`);
    const readyBody = (await ready.json()) as { checks: Record<string, string> };
    const metrics = await (await fetch(`${url}/metrics`)).text();
    const live = await fetch(`${url}/health/live`);
    await proxy.restore();

    const ids = await waitFor(
      async () => {
        const got = await stored(during);
        return got.length === during.length ? got : undefined;
      },
      60_000,
      'every record after recovery',
    );
    expect(ready.status).toBe(503);
    expect(readyBody.checks[`consumer:${GROUP}`]).toMatch(/^down: 1 partition\(s\) retrying/);
    expect(metrics).toMatch(new RegExp(`loanmesh_kafka_partitions_paused\\{consumer="${GROUP}"\\} 1`));
    expect(live.status).toBe(200);
    expect(ids).toEqual([...during].sort());
    expect(mine().length).toBe(deadBefore);
    expect(server.monitor.crashes).toBe(0);
    await waitFor(() => (server.monitor.partitionsInBackoff().length === 0 ? true : undefined), 10_000, 'recovered');
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
  });
});
