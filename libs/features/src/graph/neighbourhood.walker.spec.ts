import type { HopEdge } from './graph-facts.types';
import { walkNeighbourhood, walkNeighbourhoodSync } from './neighbourhood.walker';

const edges: HopEdge[] = [
  { from: 'A', to: 'B', strong: true, defaulted: false },
  { from: 'B', to: 'C', strong: false, defaulted: false },
  { from: 'C', to: 'D', strong: true, defaulted: true },
  { from: 'B', to: 'E', strong: true, defaulted: true },
];
const fetch = (ids: string[]) => Promise.resolve(edges.filter((e) => ids.includes(e.from)));

describe(walkNeighbourhood.name, () => {
  it('should find the nearest default and its path when walking all ties', async () => {
    const walk = await walkNeighbourhood('A', false, fetch);

    expect(walk.distance).toBe(2);
    expect(walk.defaultPath).toEqual(['A', 'B', 'E']);
  });

  it('should keep supplier ties out of the community when walking strong ties', async () => {
    const walk = await walkNeighbourhood('A', false, fetch);

    expect([...walk.community.entries()]).toEqual([
      ['B', false],
      ['E', true],
    ]);
  });

  it('should count SAME_AS-linked records once in the community when they share a canonical key', async () => {
    const aliased: HopEdge[] = [
      { from: 'A', to: 'B', key: 'B', strong: true, defaulted: false },
      { from: 'A', to: 'B2', key: 'B', strong: true, defaulted: true },
    ];

    const walk = await walkNeighbourhood('A', false, (ids) =>
      Promise.resolve(aliased.filter((e) => ids.includes(e.from))),
    );

    expect([...walk.community.entries()]).toEqual([['B', true]]);
  });

  it('should report distance 0 when the applicant itself defaulted', async () => {
    const walk = await walkNeighbourhood('A', true, fetch);

    expect(walk.distance).toBe(0);
  });
});

describe(walkNeighbourhoodSync.name, () => {
  it('should walk exactly like the async walk when the fetcher is synchronous', async () => {
    const sync = walkNeighbourhoodSync('A', false, (ids) => edges.filter((e) => ids.includes(e.from)));

    expect(sync).toEqual(await walkNeighbourhood('A', false, fetch));
  });
});
