import { isLiveRunApplicationId, liveApplicationId, liveRunIdPatterns } from './live-run';

/** SQL LIKE semantics for the patterns used here (`%` only). */
const like = (value: string, pattern: string): boolean =>
  new RegExp(
    `^${pattern
      .split('%')
      .map((p) => p.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'))
      .join('.*')}$`,
  ).test(value);
const selects = (run: number, id: string): boolean => {
  const p = liveRunIdPatterns(run);
  return like(id, p.like) && !like(id, p.notLike);
};

describe(liveRunIdPatterns.name, () => {
  const ids = [0, 1, 12, 1764400000].flatMap((run) => [0, 9, 123].map((i) => ({ run, id: liveApplicationId(run, i) })));

  it('should select exactly the ids of its own run when runs share a prefix', () => {
    for (const run of [0, 1, 12, 1764400000]) {
      expect(ids.filter((x) => selects(run, x.id)).map((x) => x.run)).toEqual([run, run, run]);
    }
  });

  it('should agree with the in-memory check when given the same ids', () => {
    for (const run of [0, 1, 12]) {
      expect(ids.map((x) => isLiveRunApplicationId(run, x.id))).toEqual(ids.map((x) => selects(run, x.id)));
    }
  });

  it('should select no history application when the id is not a live one', () => {
    expect(selects(0, 'AP-00001234')).toBe(false);
    expect(selects(1, 'AP-L1')).toBe(false);
  });
});
