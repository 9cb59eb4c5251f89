import { randomUUID } from 'node:crypto';

import type { DataSource } from 'typeorm';

import { Topics } from '@loanmesh/contracts';
import { createKafkaClient, KafkaProducerService } from '@loanmesh/kafka';
import { GracefulShutdownService, MetricsService } from '@loanmesh/observability';
import { createTestDatabase, KafkaTestClient, TEST_KAFKA, type TestDatabase, waitFor } from '@loanmesh/testing';

import { initializeDataSource } from '../database-root.module';
import { createSchemaMigration } from '../schema.migration';
import { createDataSourceOptions } from '../typeorm-options.factory';
import { KafkaOutboxPublisher, type OutboxPublisher, type RelayedMessage } from './outbox-publisher';
import { OutboxMessageEntity } from './outbox-message.entity';
import { createOutboxMigration } from './outbox.migration';
import { createOutboxQuarantineMigration } from './outbox-quarantine.migration';
import { OutboxRelayService } from './outbox-relay.service';
import { OutboxWriter } from './outbox.writer';

/** Publishes `okBatches` batches for real, then dies between publish and commit. */
class DyingPublisher implements OutboxPublisher {
  private batches = 0;
  constructor(
    private readonly inner: OutboxPublisher,
    private readonly okBatches: number,
  ) {}
  async publish(messages: readonly RelayedMessage[]): Promise<void> {
    await this.inner.publish(messages);
    if (++this.batches > this.okBatches) {
      throw new Error('relay killed after publishing, before marking');
    }
  }
}

describe(OutboxRelayService.name, () => {
  jest.setTimeout(120_000);
  let db: TestDatabase;
  let dataSource: DataSource;
  let producer: KafkaProducerService;
  const kafka = new KafkaTestClient();

  beforeAll(async () => {
    db = await createTestDatabase('outbox_t');
    dataSource = await initializeDataSource(
      createDataSourceOptions({
        url: db.url,
        schema: 'relay',
        entities: [OutboxMessageEntity],
        migrations: [
          createSchemaMigration('relay'),
          createOutboxMigration('relay'),
          createOutboxQuarantineMigration('relay'),
        ],
      }),
    );
    producer = new KafkaProducerService(createKafkaClient(TEST_KAFKA, 'outbox-relay-test'));
    await producer.onModuleInit();
  });

  afterAll(async () => {
    await producer.onModuleDestroy();
    await kafka.close();
    await dataSource.destroy();
    await db.drop();
  });

  const relay = (publisher: OutboxPublisher, metrics = new MetricsService()): OutboxRelayService =>
    new OutboxRelayService(
      dataSource,
      publisher,
      metrics,
      {
        lockName: 'relay.outbox',
        batchSize: 100,
        autoStart: false,
      },
      new GracefulShutdownService(),
    );

  it('should lose no message when the relay dies mid-way and another one resumes', async () => {
    const key = `relay-${randomUUID()}`;
    const ids = Array.from({ length: 1000 }, () => randomUUID());
    await dataSource.transaction((m) =>
      new OutboxWriter().write(
        m,
        ids.map((id) => ({ topic: Topics.domainEvents, key, payload: { id } })),
      ),
    );
    const captured = await kafka.capture([Topics.domainEvents]);
    const real = new KafkaOutboxPublisher(producer);

    const dying = relay(new DyingPublisher(real, 3));
    for (let i = 0; i < 3; i++) {
      await dying.relayOnce();
    }
    await expect(dying.relayOnce()).rejects.toThrow('relay killed');
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM relay.outbox WHERE published_at IS NULL`)).toEqual([
      { n: 700 },
    ]);

    const resumed = relay(real);
    while ((await resumed.relayOnce()) > 0) {
      // drain
    }

    const seen = await waitFor(
      () => {
        const got = new Set(
          captured.filter((r) => r.key === key).map((r) => (JSON.parse(r.value!.toString()) as { id: string }).id),
        );
        return got.size === ids.length ? got : undefined;
      },
      60_000,
      'every outbox message on the topic',
    );
    expect(seen).toEqual(new Set(ids));
    const order = captured
      .filter((r) => r.key === key)
      .map((r) => (JSON.parse(r.value!.toString()) as { id: string }).id);
    expect([...new Set(order)]).toEqual(ids);
  });

  it('should set aside a row Kafka refuses for good with the broker reason and relay the rows behind it', async () => {
    await dataSource.query('UPDATE relay.outbox SET published_at = now() WHERE published_at IS NULL');
    const key = `refused-${randomUUID()}`;
    // Larger than the broker's message.max.bytes (2 MiB, infra/infra.sh): refused for good.
    const tooLarge = 'x'.repeat(3 * 1024 * 1024);
    await dataSource.transaction((m) =>
      new OutboxWriter().write(m, [
        { topic: Topics.domainEvents, key, payload: { i: 0 } },
        { topic: Topics.domainEvents, key, payload: { i: 1, tooLarge } },
        { topic: Topics.domainEvents, key, payload: { i: 2 } },
      ]),
    );
    const captured = await kafka.capture([Topics.domainEvents]);
    const metrics = new MetricsService();
    const sut = relay(new KafkaOutboxPublisher(producer), metrics);

    expect(await sut.relayOnce()).toBe(2);
    expect(await sut.relayOnce()).toBe(0);

    const onKafka = await waitFor(
      () => {
        const mine = captured.filter((r) => r.key === key);
        return mine.length >= 2 ? mine : undefined;
      },
      30_000,
      'the rows around the refused one on the topic',
    );
    expect(onKafka.map((r) => (JSON.parse(r.value!.toString()) as { i: number }).i)).toEqual([0, 2]);
    const rows = await dataSource.query<{ i: string; published: boolean; failed: boolean; reason: string | null }[]>(
      `SELECT payload->>'i' AS i, published_at IS NOT NULL AS published, failed_at IS NOT NULL AS failed,
              failure_reason AS reason FROM relay.outbox WHERE message_key = $1 ORDER BY id`,
      [key],
    );
    expect(rows.map((r) => [r.i, r.published, r.failed])).toEqual([
      ['0', true, false],
      ['1', false, true],
      ['2', true, false],
    ]);
    expect(rows[1].reason).toMatch(/larger than the max message size/);
    expect(await metrics.registry.metrics()).toMatch(
      new RegExp(`^loanmesh_outbox_failed_total\\{topic="${Topics.domainEvents}"\\} 1$`, 'm'),
    );
  });

  it('should delete published rows older than the retention in batches and keep the rest', async () => {
    const key = `purge-${randomUUID()}`;
    await dataSource.query('UPDATE relay.outbox SET published_at = now() WHERE published_at IS NULL');
    await dataSource.transaction((m) =>
      new OutboxWriter().write(
        m,
        Array.from({ length: 30 }, (_, i) => ({ topic: Topics.domainEvents, key, payload: { i } })),
      ),
    );
    const rows = await dataSource.query<{ id: string }[]>(
      `SELECT id::text AS id FROM relay.outbox WHERE message_key = $1 ORDER BY id`,
      [key],
    );
    const ids = rows.map((r) => r.id);
    await dataSource.query(
      `UPDATE relay.outbox SET published_at = now() - interval '2 hours' WHERE id = ANY($1::bigint[])`,
      [ids.slice(0, 25)],
    );
    await dataSource.query(`UPDATE relay.outbox SET published_at = now() WHERE id = ANY($1::bigint[])`, [
      ids.slice(25, 28),
    ]);
    await dataSource.query(
      `UPDATE relay.outbox SET published_at = now() - interval '2 hours' WHERE published_at IS NOT NULL AND message_key <> $1`,
      [key],
    );
    const sut = new OutboxRelayService(
      dataSource,
      new KafkaOutboxPublisher(producer),
      new MetricsService(),
      {
        lockName: 'relay.outbox',
        retentionSeconds: 3600,
        purgeBatchSize: 10,
        autoStart: false,
      },
      new GracefulShutdownService(),
    );
    const before = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM relay.outbox WHERE message_key <> $1`,
      [key],
    );

    const deleted: number[] = [];
    for (let n = await sut.purgePublished(); n > 0; n = await sut.purgePublished()) {
      deleted.push(n);
    }

    expect(deleted.every((n) => n <= 10)).toBe(true);
    expect(deleted.reduce((a, b) => a + b, 0)).toBe(25 + before[0].n);
    const left = await dataSource.query<{ id: string; published: boolean }[]>(
      `SELECT id::text AS id, published_at IS NOT NULL AS published FROM relay.outbox ORDER BY id`,
    );
    expect(left.map((r) => r.id)).toEqual(ids.slice(25));
    expect(left.map((r) => r.published)).toEqual([true, true, true, false, false]);
  });
  it('should relay a row committed while a round was running at once, not after the idle poll', async () => {
    const key = `wake-${randomUUID()}`;
    const writeRow = (n: number): Promise<void> =>
      dataSource.transaction((m) => new OutboxWriter().write(m, [{ topic: Topics.domainEvents, key, payload: { n } }]));
    let resolveSecond: (() => void) | undefined;
    const secondPublished = new Promise<void>((resolve) => (resolveSecond = resolve));
    let publishes = 0;
    // The first round's publish commits another row and wakes the relay, as a writer does
    // after committing while the relay is busy; only the idle poll (an hour) would see it otherwise.
    const publisher: OutboxPublisher = {
      publish: async (messages) => {
        publishes += 1;
        if (publishes === 1) {
          await writeRow(2);
          looping.wake();
        } else if (messages.some((m) => m.key === key)) {
          resolveSecond?.();
        }
      },
    };
    const looping = new OutboxRelayService(
      dataSource,
      publisher,
      new MetricsService(),
      { lockName: 'relay.outbox.wake', batchSize: 100, idlePollMs: 3_600_000 },
      new GracefulShutdownService(),
    );
    // Earlier tests may leave rows behind: this relay starts from a drained table.
    await dataSource.query(`UPDATE relay.outbox SET published_at = now() WHERE published_at IS NULL`);
    await writeRow(1);
    looping.start();
    try {
      const outcome = await Promise.race([
        secondPublished.then(() => 'relayed'),
        new Promise<string>((resolve) => setTimeout(() => resolve('waited for the idle poll'), 20_000).unref()),
      ]);
      expect(outcome).toBe('relayed');
    } finally {
      await looping.stop();
    }
  });
});
