import { WorldEventIds } from './world-event-ids';

const ids = (ids: WorldEventIds): string[] => [
  ...Array.from({ length: 50 }, (_, i) => ids.backlog(i)),
  ...Array.from({ length: 50 }, (_, i) => ids.live(0, i)),
  ...Array.from({ length: 50 }, (_, i) => ids.live(1764400000, i)),
];

describe(WorldEventIds.name, () => {
  it('should regenerate the same ids when the configuration is the same', () => {
    expect(ids(new WorldEventIds(42, 1))).toEqual(ids(new WorldEventIds(42, 1)));
  });

  it('should share no id between backlog and live runs when the world is the same', () => {
    const all = ids(new WorldEventIds(42, 1));

    expect(new Set(all).size).toBe(all.length);
  });

  it('should share no id when the seed or the scale differ', () => {
    const base = new Set(ids(new WorldEventIds(42, 1)));

    for (const other of [new WorldEventIds(43, 1), new WorldEventIds(42, 0.02), new WorldEventIds(4, 21)]) {
      expect(ids(other).filter((id) => base.has(id))).toEqual([]);
    }
  });
});
