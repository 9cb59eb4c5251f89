import type { TestingModule } from '@nestjs/testing';

import { Neo4jService } from '@loanmesh/neo4j';
import { uniqueId } from '@loanmesh/testing';

import { GraphMemoryService } from '../graph-memory/graph-memory.service';
import { GraphWriterService } from '../graph-writer/graph-writer.service';
import { GraphEventFactory } from '../testing/graph-event.factory';
import { deleteSuiteGraph, graphTestModule } from '../testing/graph-test.harness';
import {
  WORKED_EXAMPLE_AS_OF as AS_OF,
  WORKED_EXAMPLE_FEATURES as EXPECTED,
  workedExample as mainScenario,
} from '../testing/worked-example.fixture';
import { GraphFeaturesService } from './graph-features.service';

/**
 * These tests check what the features are, not how fast: the serving deadline (1 s by
 * default) is for a live application, and a loaded test machine can take longer on Neo4j.
 */
const QUERY_TIMEOUT_MS = 30_000;

// Real Neo4j round trips: a loaded machine (a demo world loading beside the tests) takes seconds.
jest.setTimeout(60_000);

describe(GraphFeaturesService.name, () => {
  const prefix = uniqueId('gf');
  const f = new GraphEventFactory(prefix);
  const reversed = new GraphEventFactory(`${prefix}-r`);
  let module: TestingModule;
  let sut: GraphFeaturesService;
  let writer: GraphWriterService;
  const events = mainScenario(f);

  beforeAll(async () => {
    module = await graphTestModule();
    sut = module.get(GraphFeaturesService);
    writer = module.get(GraphWriterService);
    await writer.applyBatch(events);
    await writer.applyBatch([...mainScenario(reversed)].reverse());
  }, 60_000);

  afterAll(async () => {
    const neo4j = module.get(Neo4jService);
    await deleteSuiteGraph(neo4j, prefix);
    await module.close();
  });

  it('should compute every feature exactly when given the hand-built graph', async () => {
    const result = await sut.compute(f.id('A'), AS_OF, undefined, QUERY_TIMEOUT_MS);

    expect(result.features).toEqual(EXPECTED);
  });

  it('should ignore ties and defaults dated on or after the application day when computing as of that day', async () => {
    const later = await sut.compute(f.id('A'), '2024-01-01T00:00:00Z', undefined, QUERY_TIMEOUT_MS);
    const asOf = await sut.compute(f.id('A'), AS_OF, undefined, QUERY_TIMEOUT_MS);

    expect(later.features.contingentLiability).toBe(1150);
    expect(later.features.defaultedNeighbourShare).toBeCloseTo(2 / 7, 5);
    expect(asOf.features.contingentLiability).toBe(150);
    expect(asOf.features.defaultedNeighbourShare).toBe(0.166667);
  });

  it('should give the same features when the events arrive in reverse order', async () => {
    const result = await sut.compute(reversed.id('A'), AS_OF, undefined, QUERY_TIMEOUT_MS);

    expect(result.features).toEqual(EXPECTED);
  });

  it('should not change the graph when a batch is redelivered', async () => {
    const neo4j = module.get(Neo4jService);
    const snapshot = async () =>
      neo4j.read(
        `MATCH (n) WHERE n.id STARTS WITH $p
         OPTIONAL MATCH (n)-[r]->(m)
         WITH n, collect([type(r), m.id, properties(r)]) AS out ORDER BY n.id
         RETURN n.id AS id, properties(n) AS props, out`,
        { p: prefix },
      );
    const before = await snapshot();

    await writer.applyBatch(events);
    await writer.applyBatch([...events].reverse());

    expect(await snapshot()).toEqual(before);
  });

  it('should name the guarantee circle and the shared phone in the explanations when they drive the features', async () => {
    const result = await sut.compute(f.id('A'), AS_OF, undefined, QUERY_TIMEOUT_MS);
    const texts = result.explanations.map((e) => e.text);

    expect(texts).toContain(`is in a guarantee circle of 4 companies: ${result.local.cycles[0].join(' → ')}`);
    expect(texts).toContain('shares a phone with 1 company that defaulted or have court judgments');
    expect(result.explanations[0].severity).toBe('HIGH');
  });

  it('should count no director network when the company has no director, on both paths', async () => {
    const cypher = await sut.computeWithCypher(f.id('B'), AS_OF, undefined, QUERY_TIMEOUT_MS);
    const memory = await sut.computeInMemory(f.id('B'), AS_OF);

    expect(cypher.features.directorNetworkSize).toBe(0);
    expect(memory.features.directorNetworkSize).toBe(0);
  });

  it('should give identical features from the in-memory graph and from Cypher when computed for every company and day', async () => {
    const names = ['A', 'B', 'C', 'E', 'F', 'G', 'H', 'S', 'T', 'Z', 'missing'];
    const days = [
      '2020-01-01T00:00:00Z',
      '2021-06-01T00:00:00Z',
      AS_OF,
      '2023-07-02T00:00:00Z',
      '2024-01-01T00:00:00Z',
    ];
    const pairs = names.flatMap((n) => days.map((d) => [f.id(n), d] as const));

    const memory = await Promise.all(pairs.map(([id, d]) => sut.computeInMemory(id, d)));
    const cypher = await Promise.all(pairs.map(([id, d]) => sut.computeWithCypher(id, d, undefined, QUERY_TIMEOUT_MS)));

    expect(memory.map((r) => r.features)).toEqual(cypher.map((r) => r.features));
    expect(memory.map((r) => [...r.local.selfKeys].sort())).toEqual(cypher.map((r) => [...r.local.selfKeys].sort()));
  }, 60_000);

  it('should serve the same features from a cache loaded at start-up as from the one the writer maintained', async () => {
    const fresh = await graphTestModule();
    try {
      const loaded = await fresh.get(GraphFeaturesService).computeInMemory(f.id('A'), AS_OF);

      expect(fresh.get(GraphMemoryService).ready).toBe(true);
      expect(loaded.features).toEqual(EXPECTED);
    } finally {
      await fresh.close();
    }
  }, 60_000);

  it('should score a young, thin, crowded company as a shell and find circular ownership when planted', async () => {
    const shell = ['X1', 'X2', 'X3', 'X4', 'X5'].map((n) => f.company(n, { addressName: 'crowded' }));
    await writer.applyBatch([
      ...shell,
      f.company('X', {
        addressName: 'crowded',
        registeredAt: '2023-01-01',
        registeredCapital: 5000,
        employees: 0,
        annualRevenue: 20_000,
      }),
      f.company('W1'),
      f.company('W2'),
      f.company('W3'),
      f.holds('W2', 'W1'),
      f.holds('W3', 'W2'),
      f.holds('W1', 'W3'),
    ]);

    const x = await sut.compute(f.id('X'), AS_OF, undefined, QUERY_TIMEOUT_MS);
    const w = await sut.compute(f.id('W1'), AS_OF, undefined, QUERY_TIMEOUT_MS);

    expect(x.features.addressCrowding).toBe(6);
    expect(x.features.shellScore).toBe(1);
    expect(w.features.circularOwnership).toBe(1);
    expect(w.features.ownershipChainDepth).toBe(2);
    expect((await sut.computeWithCypher(f.id('X'), AS_OF, undefined, QUERY_TIMEOUT_MS)).features).toEqual(x.features);
    expect((await sut.computeWithCypher(f.id('W1'), AS_OF, undefined, QUERY_TIMEOUT_MS)).features).toEqual(w.features);
  });
});
