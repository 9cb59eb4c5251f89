import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { TEST_NEO4J_URL, uniqueId } from '@loanmesh/testing';

import { applyGraphMigrations, GRAPH_MIGRATIONS_DIR, loadGraphMigrations } from './graph-migration.runner';
import { createNeo4jDriver } from './neo4j-driver.factory';
import { Neo4jService } from './neo4j.service';

describe('Neo4j with the real embedded server', () => {
  const driver = createNeo4jDriver({ url: TEST_NEO4J_URL, user: 'neo4j', password: '' }, 5000);
  const sut = new Neo4jService(driver);
  const prefix = uniqueId('neo4j-int');

  afterAll(async () => {
    await sut.write('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix });
    await sut.write('MATCH (m:_GraphMigration) WHERE m.id STARTS WITH $prefix DELETE m', { prefix: '900-' });
    await sut.run('DROP CONSTRAINT test_probe_id IF EXISTS');
    await sut.onModuleDestroy();
  });

  it('should read back what a Cypher write created', async () => {
    await sut.write('CREATE (:Company {id: $a})-[:GUARANTEES {amount: 5}]->(:Company {id: $b})', {
      a: `${prefix}-a`,
      b: `${prefix}-b`,
    });
    const rows = await sut.read<{ from: string; amount: number }>(
      'MATCH (x:Company)-[g:GUARANTEES]->(:Company {id: $b}) RETURN x.id AS from, g.amount AS amount',
      { b: `${prefix}-b` },
    );
    expect(rows).toEqual([{ from: `${prefix}-a`, amount: 5 }]);
  });

  it('should apply the project graph migrations idempotently', async () => {
    const migrations = loadGraphMigrations(GRAPH_MIGRATIONS_DIR);
    expect(migrations.length).toBeGreaterThan(0);
    await applyGraphMigrations(sut, migrations);
    const second = await applyGraphMigrations(sut, migrations);
    expect(second).toEqual([]);
    const constraints = await sut.read<{ name: string }>('SHOW CONSTRAINTS YIELD name RETURN name');
    expect(constraints.map((c) => c.name)).toContain('company_id');
  });

  it('should apply a new migration once and record it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'graph-mig-'));
    writeFileSync(
      join(dir, '900-probe.cypher'),
      '// probe\nCREATE CONSTRAINT test_probe_id IF NOT EXISTS FOR (n:TestProbe) REQUIRE n.id IS UNIQUE;\n',
    );
    const first = await applyGraphMigrations(sut, loadGraphMigrations(dir));
    const again = await applyGraphMigrations(sut, loadGraphMigrations(dir));
    expect(first).toEqual(['900-probe']);
    expect(again).toEqual([]);
  });

  it('should fail fast when no server listens', async () => {
    const dead = new Neo4jService(createNeo4jDriver({ url: 'bolt://127.0.0.1:1', user: 'neo4j', password: '' }, 300));
    const started = Date.now();
    await expect(dead.ping()).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5000);
    await dead.onModuleDestroy();
  });
});
