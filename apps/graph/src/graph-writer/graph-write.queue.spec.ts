import type { DomainEvent } from '@loanmesh/contracts';

import type { EarlyWarningService } from '../early-warning/early-warning.service';
import { GraphFreshnessTracker } from '../freshness/graph-freshness.tracker';
import { GraphEventFactory } from '../testing/graph-event.factory';
import type { BatchResult, GraphWriterService } from './graph-writer.service';
import { GraphWriteQueue, GraphWriteQueueClosedError } from './graph-write.queue';

class FakeWriter {
  readonly batches: DomainEvent[][] = [];
  private release?: () => void;
  failNext = false;
  /** Event ids Neo4j refuses, with a real refusal's shape. */
  readonly refused = new Set<string>();
  /** Set: every write fails as an unreachable Neo4j does. */
  unavailable = false;

  /** The first write blocks until `releaseFirst`, so later slices queue up behind it. */
  readonly firstWrite = new Promise<void>((r) => (this.release = r));

  async applyBatch(events: readonly DomainEvent[]): Promise<BatchResult> {
    this.batches.push([...events]);
    if (this.batches.length === 1) {
      await this.firstWrite;
    }
    if (this.failNext) {
      this.failNext = false;
      throw new Error('neo4j down');
    }
    if (this.unavailable) {
      throw Object.assign(new Error('Could not perform discovery'), { code: 'ServiceUnavailable' });
    }
    if (events.some((e) => this.refused.has(e.eventId))) {
      throw Object.assign(new Error('Property value is too large to index'), {
        code: 'Neo.DatabaseError.Statement.ExecutionFailed',
      });
    }
    return { events: events.length, resolvedLinks: 0, defaults: [] };
  }

  releaseFirst(): void {
    this.release?.();
  }
}

describe(GraphWriteQueue.name, () => {
  const f = new GraphEventFactory('q');
  let writer: FakeWriter;
  let tracker: GraphFreshnessTracker;
  let sut: GraphWriteQueue;

  beforeEach(() => {
    writer = new FakeWriter();
    tracker = new GraphFreshnessTracker();
    const warnings = { onDefaults: () => Promise.resolve(0) } as unknown as EarlyWarningService;
    sut = new GraphWriteQueue(writer as unknown as GraphWriterService, warnings, tracker, {
      GRAPH_BATCH_MAX_EVENTS: 3,
    });
  });

  it('should merge slices of several partitions that arrive during a write into the next write', async () => {
    const first = sut.write({ partition: 0, lastOffset: '9', events: [f.company('A')] });
    const second = sut.write({ partition: 1, lastOffset: '4', events: [f.company('B')] });
    const third = sut.write({ partition: 2, lastOffset: '7', events: [f.company('C')] });
    writer.releaseFirst();
    await Promise.all([first, second, third]);

    expect(writer.batches.map((b) => b.length)).toEqual([1, 2]);
    expect(tracker.positions()).toEqual({ '0': 10, '1': 5, '2': 8 });
  });

  it('should not merge past the batch limit', async () => {
    const first = sut.write({ partition: 0, lastOffset: '0', events: [f.company('A')] });
    const rest = [1, 2].map((p) =>
      sut.write({ partition: p, lastOffset: '1', events: [f.company(`B${p}`), f.company(`C${p}`)] }),
    );
    writer.releaseFirst();
    await Promise.all([first, ...rest]);

    expect(writer.batches.map((b) => b.length)).toEqual([1, 2, 2]);
  });

  it('should hand back an event whose write failed for an unrecognised reason and advance no position for it', async () => {
    const first = sut.write({ partition: 0, lastOffset: '0', events: [f.company('A')] });
    writer.failNext = true;
    writer.releaseFirst();

    const result = await first;

    expect(result.rejected.map((r) => [r.index, String(r.error)])).toEqual([[0, 'Error: neo4j down']]);
    expect(tracker.positions()).toEqual({});
  });

  it('should count a slice whose records were all dead-lettered as applied', async () => {
    writer.releaseFirst();
    await sut.write({ partition: 3, lastOffset: '41', events: [] });

    expect(tracker.positions()).toEqual({ '3': 42 });
  });

  it('should reject only the event Neo4j refuses, apply the rest of its group and advance its partitions', async () => {
    writer.releaseFirst();
    const events = [f.company('A'), f.company('B'), f.company('C')];
    writer.refused.add(events[1].eventId);

    const first = sut.write({ partition: 0, lastOffset: '5', events: events.slice(0, 2) });
    const second = sut.write({ partition: 1, lastOffset: '8', events: events.slice(2) });
    const [a, b] = await Promise.all([first, second]);

    expect(a.rejected.map((r) => r.index)).toEqual([1]);
    expect(String(a.rejected[0].error)).toContain('too large to index');
    expect(b.rejected).toEqual([]);
    const written = writer.batches.filter((batch) => !batch.some((e) => writer.refused.has(e.eventId))).flat();
    expect(written.map((e) => e.eventId).sort()).toEqual([events[0].eventId, events[2].eventId].sort());
    expect(tracker.positions()).toEqual({ '0': 6, '1': 9 });
  });

  it('should reject the whole group without splitting it when Neo4j is unavailable', async () => {
    writer.releaseFirst();
    writer.unavailable = true;

    await expect(
      sut.write({ partition: 2, lastOffset: '3', events: [f.company('X'), f.company('Y')] }),
    ).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    expect(writer.batches).toHaveLength(1);
    expect(tracker.positions()['2']).toBeUndefined();
  });

  it('should finish the write in progress and refuse the waiting slices when closed', async () => {
    const first = sut.write({ partition: 0, lastOffset: '9', events: [f.company('A')] });
    const waiting = sut.write({ partition: 1, lastOffset: '4', events: [f.company('B')] });

    sut.close();
    writer.releaseFirst();

    await expect(first).resolves.toEqual({ rejected: [] });
    await expect(waiting).rejects.toThrow(GraphWriteQueueClosedError);
    await expect(sut.write({ partition: 2, lastOffset: '1', events: [f.company('C')] })).rejects.toThrow(
      GraphWriteQueueClosedError,
    );
    expect(writer.batches).toHaveLength(1);
    expect(tracker.positions()).toEqual({ '0': 10 });
  });
});
