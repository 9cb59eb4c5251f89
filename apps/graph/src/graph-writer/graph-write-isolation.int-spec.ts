import type { TestingModule } from '@nestjs/testing';

import { Neo4jService } from '@loanmesh/neo4j';
import { classifyFailure } from '@loanmesh/observability';
import { uniqueId } from '@loanmesh/testing';

import type { EarlyWarningService } from '../early-warning/early-warning.service';
import { GraphFreshnessTracker } from '../freshness/graph-freshness.tracker';
import { GraphEventFactory } from '../testing/graph-event.factory';
import { deleteSuiteGraph, graphTestModule } from '../testing/graph-test.harness';
import { GraphWriteQueue } from './graph-write.queue';
import { GraphWriterService } from './graph-writer.service';

/**
 * An event Neo4j refuses (here an address key past the index key limit, built without the
 * contract, which caps it) must not hold back the slices written with it: the real writer
 * against the real Neo4j, through the write queue that isolates it.
 */
describe('GraphWriteQueue with an event the real Neo4j refuses', () => {
  jest.setTimeout(120_000);
  const prefix = uniqueId('gwi');
  const f = new GraphEventFactory(prefix);
  let module: TestingModule;
  let neo4j: Neo4jService;
  let tracker: GraphFreshnessTracker;
  let sut: GraphWriteQueue;

  beforeAll(async () => {
    module = await graphTestModule();
    neo4j = module.get(Neo4jService);
    tracker = new GraphFreshnessTracker();
    const warnings = { onDefaults: () => Promise.resolve(0) } as unknown as EarlyWarningService;
    sut = new GraphWriteQueue(module.get(GraphWriterService), warnings, tracker, { GRAPH_BATCH_MAX_EVENTS: 100 });
  });

  afterAll(async () => {
    await deleteSuiteGraph(neo4j, prefix);
    await module.close();
  });

  it("should reject only the refused event with Neo4j's reason and apply the rest of both slices", async () => {
    const huge = f.company('huge', { address: { key: `${prefix}|${'x'.repeat(20_000)}`, city: 'T', postcode: 'T1' } });

    const [first, second] = await Promise.all([
      sut.write({ partition: 0, lastOffset: '12', events: [f.company('a'), huge, f.company('b')] }),
      sut.write({ partition: 1, lastOffset: '3', events: [f.company('c')] }),
    ]);

    expect(first.rejected.map((r) => r.index)).toEqual([1]);
    const failure = classifyFailure(first.rejected[0].error);
    expect([failure.class, failure.code]).toEqual(['permanent', 'STORE_REJECTED']);
    expect(failure.reason).toContain('Property value is too large to index');
    expect(second.rejected).toEqual([]);
    const stored = await neo4j.read<{ id: string }>(
      'MATCH (c:Company) WHERE c.id STARTS WITH $prefix RETURN c.id AS id ORDER BY id',
      { prefix },
    );
    expect(stored.map((r) => r.id)).toEqual([f.id('a'), f.id('b'), f.id('c')]);
    expect(tracker.positions()).toEqual({ '0': 13, '1': 4 });
  });
});
