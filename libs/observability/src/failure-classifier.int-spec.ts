import type { Driver } from 'neo4j-driver';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { createNeo4jDriver, Neo4jService } from '@loanmesh/neo4j';
import { createTestDatabase, TcpProxy, TEST_NEO4J_URL, type TestDatabase, uniqueId } from '@loanmesh/testing';

import { classifyFailure, type FailureClass } from './failure-classifier';

/** The error a promise rejects with (fails the test if it resolves). */
async function failureOf(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail');
}

const classOf = (e: unknown): FailureClass => classifyFailure(e).class;

/** Real errors from pg, TypeORM and neo4j-driver, classified as a consumer would see them. */
describe('classifyFailure on real driver errors', () => {
  jest.setTimeout(60_000);
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('classify_t');
    dataSource = await new DataSource({ type: 'postgres', url: db.url, logging: false }).initialize();
    await dataSource.query(`CREATE TABLE t (id int PRIMARY KEY, code varchar(2), n smallint, body jsonb)`);
    await dataSource.query(`INSERT INTO t (id) VALUES (1)`);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  describe('PostgreSQL through TypeORM', () => {
    it.each([
      ['22P05 U+0000 in jsonb', `SELECT $1::jsonb`, [JSON.stringify({ a: 'x\u0000y' })], '22P05'],
      ['22021 U+0000 in text', `SELECT $1::text`, ['x\u0000y'], '22021'],
      ['22003 numeric out of range', `INSERT INTO t (id, n) VALUES (2, $1)`, [70000], '22003'],
      ['22007 bad date format', `SELECT $1::timestamptz`, ['not a date'], '22007'],
      ['22008 date out of range', `SELECT $1::date`, ['2024-02-30'], '22008'],
      ['22001 string too long', `INSERT INTO t (id, code) VALUES (3, $1)`, ['abc'], '22001'],
      ['23505 unique violation', `INSERT INTO t (id) VALUES ($1)`, [1], '23505'],
      ['23502 not null violation', `INSERT INTO t (id) VALUES ($1)`, [null], '23502'],
    ])('should call %s permanent', async (_what, sql, params, state) => {
      const e = await failureOf(dataSource.query(sql, params));

      expect((e as { code?: string }).code).toBe(state);
      expect(classOf(e)).toBe('permanent');
      expect(classifyFailure(e).code).toBe('STORE_REJECTED');
    });

    it('should call a statement timeout (57014) transient', async () => {
      const e = await failureOf(
        dataSource.transaction(async (m) => {
          await m.query(`SET LOCAL statement_timeout = 50`);
          await m.query(`SELECT pg_sleep(2)`);
        }),
      );

      expect((e as { code?: string }).code).toBe('57014');
      expect(classOf(e)).toBe('transient');
    });

    it('should call a connection terminated by pg_terminate_backend (57P01) transient', async () => {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      client.on('error', () => undefined);
      const [{ pid }] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
      const sleeping = failureOf(client.query('SELECT pg_sleep(10)'));
      await dataSource.query('SELECT pg_terminate_backend($1)', [pid]);
      const e = await sleeping;
      await client.end().catch(() => undefined);

      expect(classOf(e)).toBe('transient');
    });

    it('should call a refused connection transient', async () => {
      const proxy = await TcpProxy.start('127.0.0.1', 5432);
      const port = proxy.port;
      await proxy.close();
      const refused = new DataSource({ type: 'postgres', url: db.url.replace(':5432/', `:${port}/`) });
      const e = await failureOf(refused.initialize());

      expect((e as { code?: string }).code).toBe('ECONNREFUSED');
      expect(classOf(e)).toBe('transient');
    });

    it('should call a connection cut in the middle of a query transient', async () => {
      const proxy = await TcpProxy.start('127.0.0.1', 5432);
      const cut = await new DataSource({
        type: 'postgres',
        url: db.url.replace(':5432/', `:${proxy.port}/`),
        logging: false,
      }).initialize();
      const sleeping = failureOf(cut.query('SELECT pg_sleep(10)'));
      await proxy.cut();
      const e = await sleeping;
      await cut.destroy().catch(() => undefined);

      expect(classifyFailure(e).reason).toMatch(/Connection terminated/i);
      expect(classOf(e)).toBe('transient');
    });

    it('should call a pool that cannot hand out a connection in time transient', async () => {
      const small = await new DataSource({
        type: 'postgres',
        url: db.url,
        poolSize: 1,
        extra: { connectionTimeoutMillis: 1000 },
      }).initialize();
      const holding = small.query('SELECT pg_sleep(3)');
      const e = await failureOf(small.query('SELECT 1'));
      await holding;
      await small.destroy();

      expect(classifyFailure(e).reason).toMatch(/timeout exceeded when trying to connect/);
      expect(classOf(e)).toBe('transient');
    });
  });

  describe('Neo4j through neo4j-driver', () => {
    let driver: Driver;
    let neo4j: Neo4jService;
    const label = `Classify_${uniqueId('c').replace(/-/g, '_')}`;

    beforeAll(async () => {
      driver = createNeo4jDriver({ url: TEST_NEO4J_URL, user: 'neo4j', password: '' }, 5000, 500);
      neo4j = new Neo4jService(driver);
      await neo4j.run(`CREATE CONSTRAINT ${label}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`);
      await neo4j.write(`CREATE (:${label} {id: 'taken'})`);
    });

    afterAll(async () => {
      await neo4j.write(`MATCH (n:${label}) DELETE n`);
      await neo4j.run(`DROP CONSTRAINT ${label}_id IF EXISTS`);
      await neo4j.onModuleDestroy();
    });

    it('should call a property value Neo4j cannot store (a map) permanent', async () => {
      const e = await failureOf(neo4j.write(`CREATE (n:${label} {id: 'map', p: $p})`, { p: { nested: 1 } }));

      expect((e as { code?: string }).code).toBe('Neo.ClientError.Statement.TypeError');
      expect(classOf(e)).toBe('permanent');
    });

    it('should call an unparsable temporal value permanent', async () => {
      const e = await failureOf(neo4j.write(`RETURN date($v) AS d`, { v: '2024-02-30' }));

      expect(String((e as { code?: string }).code)).toMatch(/^Neo\.ClientError\.Statement\./);
      expect(classOf(e)).toBe('permanent');
    });

    it('should call a uniqueness constraint violation permanent', async () => {
      const e = await failureOf(neo4j.write(`CREATE (:${label} {id: 'taken'})`));

      expect((e as { code?: string }).code).toBe('Neo.ClientError.Schema.ConstraintValidationFailed');
      expect(classOf(e)).toBe('permanent');
    });

    it('should call an unreachable server (ServiceUnavailable) transient', async () => {
      const proxy = await TcpProxy.start('127.0.0.1', Number(new URL(TEST_NEO4J_URL).port));
      const port = proxy.port;
      await proxy.close();
      const down = createNeo4jDriver({ url: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: '' }, 500, 0);
      const e = await failureOf(new Neo4jService(down).write('RETURN 1'));
      await down.close();

      expect((e as { code?: string }).code).toBe('ServiceUnavailable');
      expect(classOf(e)).toBe('transient');
    });
  });
});
