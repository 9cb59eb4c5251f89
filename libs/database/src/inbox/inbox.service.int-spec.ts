import { randomUUID } from 'node:crypto';

import type { DataSource } from 'typeorm';

import { MetricsService } from '@loanmesh/observability';
import { createTestDatabase, type TestDatabase, waitFor } from '@loanmesh/testing';

import { initializeDataSource } from '../database-root.module';
import { createSchemaMigration } from '../schema.migration';
import { createDataSourceOptions } from '../typeorm-options.factory';
import { EventIdConflictException } from './event-id-conflict.exception';
import type { InboxEntry, InboxVerdict } from './inbox-claim';
import { createInboxIdentityMigration } from './inbox-identity.migration';
import { InboxMessageEntity } from './inbox-message.entity';
import { createInboxMigration } from './inbox.migration';
import { InboxService } from './inbox.service';

const SCHEMA = 'inbox_it';
const CONSUMER = 'it.consumer';
const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

function entry(eventId: string, digest = A, source = 'core-banking'): InboxEntry {
  return { source, eventId, digest };
}

const label = (v: InboxVerdict): string => (v instanceof EventIdConflictException ? 'conflict' : v);

describe(`${InboxService.name} (real PostgreSQL)`, () => {
  jest.setTimeout(60_000);
  let db: TestDatabase;
  let dataSource: DataSource;
  let metrics: MetricsService;
  let sut: InboxService;
  /** A row recorded by the inbox as it was before sources and digests were kept. */
  const legacyId = randomUUID();

  const options = (withIdentity: boolean) =>
    createDataSourceOptions({
      url: db.url,
      schema: SCHEMA,
      entities: [InboxMessageEntity],
      migrations: [
        createSchemaMigration(SCHEMA),
        createInboxMigration(SCHEMA),
        ...(withIdentity ? [createInboxIdentityMigration(SCHEMA)] : []),
      ],
    });

  beforeAll(async () => {
    db = await createTestDatabase('inbox_t');
    const before = await initializeDataSource(options(false));
    await before.query(`INSERT INTO ${SCHEMA}.inbox (consumer, event_id) VALUES ($1, $2)`, [CONSUMER, legacyId]);
    await before.destroy();
    dataSource = await initializeDataSource(options(true));
    metrics = new MetricsService();
    sut = new InboxService(metrics);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const claim = (entries: InboxEntry[]): Promise<InboxVerdict[]> =>
    dataSource.transaction((m) => sut.claim(m, CONSUMER, entries));

  const conflicts = async (): Promise<number> =>
    (await metrics.registry.getSingleMetric('loanmesh_event_id_conflicts_total')?.get())?.values.find(
      (v) => v.labels.consumer === CONSUMER,
    )?.value ?? 0;

  it('should tell fresh, duplicate and conflicting entries apart when one batch mixes them', async () => {
    const [stored, sameCopy, other] = [randomUUID(), randomUUID(), randomUUID()];
    await claim([entry(stored)]);
    const before = await conflicts();

    const verdicts = await claim([
      entry(stored, B),
      entry(sameCopy),
      entry(sameCopy),
      entry(sameCopy, B),
      entry(stored),
      entry(other),
    ]);

    expect(verdicts.map(label)).toEqual(['conflict', 'fresh', 'duplicate', 'conflict', 'duplicate', 'fresh']);
    expect((verdicts[0] as EventIdConflictException).message).toContain(
      `event id ${stored} from source 'core-banking' was already applied by ${CONSUMER} with other content ` +
        `(applied digest ${A.slice(0, 12)}, this digest ${B.slice(0, 12)})`,
    );
    expect(await conflicts()).toBe(before + 2);
    const rows = await dataSource.query<{ event_id: string; digest: string }[]>(
      `SELECT event_id, digest FROM ${SCHEMA}.inbox WHERE event_id = ANY($1) ORDER BY event_id`,
      [[stored, sameCopy, other]],
    );
    expect(rows).toEqual([stored, sameCopy, other].sort().map((id) => ({ event_id: id, digest: A })));
  });

  it('should record the same id from two sources as two events when their contents differ', async () => {
    const id = randomUUID();

    const verdicts = await claim([entry(id, A, 'core-banking'), entry(id, B, 'card-system')]);
    const again = await claim([entry(id, B, 'card-system')]);

    expect(verdicts).toEqual(['fresh', 'fresh']);
    expect(again).toEqual(['duplicate']);
  });

  it('should keep a row recorded before the migration as a duplicate of any content when its id comes again', async () => {
    const verdicts = await claim([entry(legacyId, B)]);

    expect(verdicts).toEqual(['duplicate']);
    const rows = await dataSource.query<{ source: string; digest: string | null }[]>(
      `SELECT source, digest FROM ${SCHEMA}.inbox WHERE event_id = $1`,
      [legacyId],
    );
    expect(rows).toEqual([{ source: '', digest: null }]);
  });

  it('should see the content a concurrent claim committed when its insert waited for that claim', async () => {
    const id = randomUUID();
    let commitFirst: () => void = () => undefined;
    let firstClaimed: () => void = () => undefined;
    const firstMayCommit = new Promise<void>((resolve) => (commitFirst = resolve));
    const claimedFirst = new Promise<void>((resolve) => (firstClaimed = resolve));
    const first = dataSource.transaction(async (m) => {
      const verdicts = await sut.claim(m, CONSUMER, [entry(id, A)]);
      firstClaimed();
      await firstMayCommit;
      return verdicts;
    });
    await claimedFirst;
    expect(await rowCount(id)).toBe(0);
    const second = claim([entry(id, B)]);
    await waitFor(
      async () => ((await waitingOnLock()) ? true : undefined),
      10_000,
      'second claim waiting for the first',
    );

    commitFirst();

    expect(await first).toEqual(['fresh']);
    expect((await second).map(label)).toEqual(['conflict']);
  });

  async function rowCount(eventId: string): Promise<number> {
    const rows = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ${SCHEMA}.inbox WHERE event_id = $1`,
      [eventId],
    );
    return rows[0].n;
  }

  /** Whether a session of this database is blocked on a lock (the second claim's insert). */
  async function waitingOnLock(): Promise<boolean> {
    const rows = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO%inbox%'`,
    );
    return rows[0].n > 0;
  }
});
