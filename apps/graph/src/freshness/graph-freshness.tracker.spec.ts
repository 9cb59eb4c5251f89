import { describeBehind, GraphFreshnessTracker } from './graph-freshness.tracker';

describe(GraphFreshnessTracker.name, () => {
  let sut: GraphFreshnessTracker;

  beforeEach(() => {
    sut = new GraphFreshnessTracker();
  });

  it('should answer at once when the required positions are already applied', async () => {
    sut.advance({ '0': 10, '1': 4 });
    await expect(sut.waitFor({ '0': 10, '1': 3 }, 0)).resolves.toBe(true);
  });

  it('should count a partition it never applied as position 0', async () => {
    await expect(sut.waitFor({ '2': 0 }, 0)).resolves.toBe(true);
    await expect(sut.waitFor({ '2': 1 }, 0)).resolves.toBe(false);
  });

  it('should release a waiter when the writer reaches every required partition', async () => {
    const waiting = sut.waitFor({ '0': 5, '1': 7 }, 10_000);
    sut.advance({ '0': 5 });
    sut.advance({ '1': 7 });
    await expect(waiting).resolves.toBe(true);
  });

  it('should give up when the deadline passes before the graph catches up', async () => {
    sut.advance({ '0': 2 });
    const waiting = sut.waitFor({ '0': 3 }, 20);
    await expect(waiting).resolves.toBe(false);
    expect(describeBehind({ '0': 3 }, sut.positions())).toBe('partition 0 applied to 2, needs 3');
  });

  it('should never move a position backwards when a stale batch reports an older offset', () => {
    sut.advance({ '0': 9 });
    sut.advance({ '0': 4 });
    expect(sut.positions()).toEqual({ '0': 9 });
  });
});
