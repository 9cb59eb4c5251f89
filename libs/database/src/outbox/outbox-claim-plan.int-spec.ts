import type { DataSource } from 'typeorm';

import { createTestDatabase, type TestDatabase } from '@loanmesh/testing';

import { initializeDataSource } from '../database-root.module';
import { createSchemaMigration } from '../schema.migration';
import { createDataSourceOptions } from '../typeorm-options.factory';
import { OutboxMessageEntity } from './outbox-message.entity';
import { createOutboxMigration } from './outbox.migration';
import { createOutboxQuarantineMigration } from './outbox-quarantine.migration';
import { claimSql, ORDERED_CLAIM_SETTINGS_SQL } from './outbox-relay.service';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/**
 * The relay's claim right after a burst into a table that was never analyzed (autovacuum is off
 * on this table, so nothing refreshes its statistics behind the test's back):
 * the planner's own choice sorts every unpublished row; the relay's claim reads the partial
 * index in id order and sorts nothing.
 */
describe('outbox claim plan after a burst', () => {
  jest.setTimeout(120_000);
  let db: TestDatabase;
  let dataSource: DataSource;
  const table = '"plan"."outbox"';

  beforeAll(async () => {
    db = await createTestDatabase('outbox_plan');
    dataSource = await initializeDataSource(
      createDataSourceOptions({
        url: db.url,
        schema: 'plan',
        entities: [OutboxMessageEntity],
        migrations: [
          createSchemaMigration('plan'),
          createOutboxMigration('plan'),
          createOutboxQuarantineMigration('plan'),
        ],
      }),
    );
    await dataSource.query(`ALTER TABLE ${table} SET (autovacuum_enabled = false)`);
    // A new table is never analyzed until autovacuum gets to it; its partial index keeps the size
    // it had when the migration created it (no rows). Then a burst of domain-event-sized rows
    // arrives and the relay has published the first third, as at the demo's start.
    await insertRows(30_000);
    await dataSource.query(`UPDATE ${table} SET published_at = now() WHERE id <= 10000`);
  });

  async function insertRows(n: number): Promise<void> {
    await dataSource.query(
      `INSERT INTO ${table} (topic, message_key, payload)
        SELECT 'domain.events.v1', 'k' || g, jsonb_build_object('n', g, 'body', repeat('x', 300))
        FROM generate_series(1, $1::int) g`,
      [n],
    );
  }

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  async function planOf(settings: string | undefined): Promise<PlanNode[]> {
    return dataSource.transaction(async (manager) => {
      if (settings) {
        await manager.query(settings);
      }
      const rows: { 'QUERY PLAN': { Plan: PlanNode }[] }[] = await manager.query(
        `EXPLAIN (FORMAT JSON) ${claimSql(table)}`,
        [1000],
      );
      return nodes(rows[0]['QUERY PLAN'][0].Plan);
    });
  }

  it('should sort every unpublished row when the planner trusts the stale statistics', async () => {
    const types = (await planOf(undefined)).map((n) => n['Node Type']);
    expect(types).toContain('Sort');
  });

  it('should read the unpublished rows in index order and sort nothing in the relay claim', async () => {
    const plan = await planOf(ORDERED_CLAIM_SETTINGS_SQL);
    expect(plan.map((n) => n['Node Type'])).not.toContain('Sort');
    expect(plan.find((n) => n['Node Type'] === 'Index Scan')?.['Index Name']).toBe('IDX_outbox_unpublished');
  });

  it('should claim the oldest unpublished rows in id order', async () => {
    const ids = await dataSource.transaction(async (manager) => {
      await manager.query(ORDERED_CLAIM_SETTINGS_SQL);
      const rows: { id: string }[] = await manager.query(claimSql(table), [5]);
      return rows.map((r) => Number(r.id));
    });
    expect(ids).toEqual([10001, 10002, 10003, 10004, 10005]);
  });
});
