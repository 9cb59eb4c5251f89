import { Test, type TestingModule } from '@nestjs/testing';
import fc from 'fast-check';

import { type DomainEvent, domainEventRegistry, domainEventSchemas, parseEvent } from '@loanmesh/contracts';
import {
  applyGraphMigrations,
  GRAPH_MIGRATIONS_DIR,
  loadGraphMigrations,
  Neo4jModule,
  Neo4jService,
} from '@loanmesh/neo4j';
import { uniqueId, zodArbitrary } from '@loanmesh/testing';

import { deleteSuiteGraph, testConfig } from '../testing/graph-test.harness';
import { emptyRows } from './graph-rows.types';
import { mapDomainEvent } from './graph-row.mapper';
import { GraphWriteRepository } from './graph-write.repository';

const PREFIX = `${uniqueId('gp').replace(/[^A-Za-z0-9]/g, '')}-`;
const ID_KEY = /(^id$|Id$)/;

/** Business ids moved into this suite's namespace (still valid ids), so its nodes are its own. */
function namespaced(value: unknown, key = ''): unknown {
  if (typeof value === 'string' && ID_KEY.test(key)) {
    return `${PREFIX}${value}`.slice(0, 64);
  }
  if (Array.isArray(value)) {
    return value.map((v) => namespaced(v));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, namespaced(v, k)]));
  }
  return value;
}

/** Up to ten accepted domain events, as the writer's consumer gets them (JSON, then parseEvent). */
const anyBatch: fc.Arbitrary<DomainEvent[]> = fc.array(
  fc
    .oneof(...Object.values(domainEventSchemas).map((s) => zodArbitrary(s)))
    .map((e) => parseEvent<DomainEvent>(JSON.stringify({ ...e, payload: namespaced(e.payload) }), domainEventRegistry)),
  { minLength: 1, maxLength: 10 },
);

/**
 * What the contract accepts, Neo4j stores (issue 11): batches of accepted domain events go
 * through the graph writer's own mapping and Cypher into the real Neo4j without an error.
 */
describe('graph writer accepts what the contract accepts', () => {
  let module: TestingModule;
  let neo4j: Neo4jService;
  let writer: GraphWriteRepository;

  beforeAll(async () => {
    const config = testConfig();
    module = await Test.createTestingModule({
      imports: [
        Neo4jModule.forRoot({ url: config.NEO4J_URL, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD }),
      ],
      providers: [GraphWriteRepository],
    }).compile();
    neo4j = module.get(Neo4jService);
    writer = module.get(GraphWriteRepository);
    await applyGraphMigrations(neo4j, loadGraphMigrations(GRAPH_MIGRATIONS_DIR));
  });

  afterAll(async () => {
    await deleteSuiteGraph(neo4j, PREFIX);
    // Addresses, industries and regions are keyed by content; drop the ones this suite left alone.
    await neo4j.write('MATCH (n) WHERE (n:Address OR n:Industry OR n:Region OR n:Phone) AND NOT (n)--() DELETE n');
    await module.close();
  }, 60_000);

  it('should write every accepted domain event without a Neo4j error', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(anyBatch, async (events) => {
        runs += 1;
        const rows = emptyRows();
        events.forEach((e) => mapDomainEvent(e, rows));

        await writer.write(rows);

        // The last row of each company wins unless the stored version is higher: then its text must come back unchanged.
        const last = new Map(rows.companies.map((c) => [c.id, c]));
        const stored = await neo4j.read<{ id: string; version: number; name: string }>(
          'UNWIND $ids AS id MATCH (c:Company {id: id}) RETURN c.id AS id, c.version AS version, c.name AS name',
          { ids: [...last.keys()] },
        );
        expect(stored).toHaveLength(last.size);
        for (const s of stored.filter((s) => s.version === last.get(s.id)?.version)) {
          expect(s.name).toBe(last.get(s.id)?.props.name);
        }
      }),
      { numRuns: 200, interruptAfterTimeLimit: 120_000, markInterruptAsFailure: false },
    );
    // Neo4j statements take 0.2-2 s on the shared 2-core machine: the time limit may end it first.
    expect(runs).toBeGreaterThanOrEqual(25);
  }, 180_000);
});
