import { randomUUID } from 'node:crypto';

import type { DataSource } from 'typeorm';

import { Topics } from '@loanmesh/contracts';
import { createKafkaClient, KafkaProducerService } from '@loanmesh/kafka';
import { GracefulShutdownService, MetricsService } from '@loanmesh/observability';
import { createTestDatabase, KafkaTestClient, TEST_KAFKA, type TestDatabase, waitFor } from '@loanmesh/testing';

import { initializeDataSource } from '../database-root.module';
import { createSchemaMigration } from '../schema.migration';
import { createDataSourceOptions } from '../typeorm-options.factory';
import { KafkaOutboxPublisher } from './outbox-publisher';
import { OutboxMessageEntity } from './outbox-message.entity';
import { createOutboxMigration } from './outbox.migration';
import { createOutboxQuarantineMigration } from './outbox-quarantine.migration';
import { OutboxRelayService } from './outbox-relay.service';
import { OutboxWriter } from './outbox.writer';

/** The shutdown flush on the real PostgreSQL and Kafka: everything committed is published, then the relay stays stopped. */
describe('OutboxRelayService flush', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let producer: KafkaProducerService;
  const kafka = new KafkaTestClient();

  beforeAll(async () => {
    db = await createTestDatabase('outbox_t');
    dataSource = await initializeDataSource(
      createDataSourceOptions({
        url: db.url,
        schema: 'flush',
        entities: [OutboxMessageEntity],
        migrations: [
          createSchemaMigration('flush'),
          createOutboxMigration('flush'),
          createOutboxQuarantineMigration('flush'),
        ],
      }),
    );
    producer = new KafkaProducerService(createKafkaClient(TEST_KAFKA, 'outbox-flush-test'));
    await producer.onModuleInit();
  }, 60000);

  afterAll(async () => {
    await producer.onModuleDestroy();
    await kafka.close();
    await dataSource.destroy();
    await db.drop();
  }, 30000);

  it('should publish every committed row over several batches and register itself for the flush phase when flushed', async () => {
    const shutdown = new GracefulShutdownService();
    // Not started: only the flush publishes. It registers itself with the shutdown.
    new OutboxRelayService(
      dataSource,
      new KafkaOutboxPublisher(producer),
      new MetricsService(),
      { lockName: 'flush.outbox', batchSize: 20, idlePollMs: 600_000, autoStart: false },
      shutdown,
    );
    const key = `flush-${randomUUID()}`;
    const captured = await kafka.capture([Topics.domainEvents]);
    await dataSource.transaction((m) =>
      new OutboxWriter().write(
        m,
        Array.from({ length: 55 }, (_, i) => ({ topic: Topics.domainEvents, key, payload: { n: i } })),
      ),
    );

    const unpublished = 'SELECT count(*)::int AS n FROM flush.outbox WHERE published_at IS NULL';
    expect((await dataSource.query<{ n: number }[]>(unpublished))[0].n).toBe(55);
    const [participant] = shutdown.participantsOf('flush');
    await participant.stop();

    expect((await dataSource.query<{ n: number }[]>(unpublished))[0].n).toBe(0);
    const ours = await waitFor(
      () => {
        const got = captured.filter((r) => r.key === key);
        return got.length >= 55 ? got : undefined;
      },
      30000,
      'the flushed rows on Kafka',
    );
    expect(ours.map((r) => (JSON.parse(String(r.value)) as { n: number }).n)).toEqual(
      Array.from({ length: 55 }, (_, i) => i),
    );
    expect(shutdown.participantsOf('flush').map((p) => p.name)).toEqual(['outbox relay (flush.outbox)']);
  });
});
