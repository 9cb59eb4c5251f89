import type { DataSource, EntityManager } from 'typeorm';

import { GroupCommitter } from './group-commit';

/** A fake data source whose transactions take a tick, so concurrent submits can pile up. */
function fakeDataSource(): DataSource {
  return {
    transaction: async <X>(work: (m: EntityManager) => Promise<X>): Promise<X> => {
      await new Promise((r) => setTimeout(r, 5));
      return work({} as EntityManager);
    },
  } as unknown as DataSource;
}

describe(GroupCommitter.name, () => {
  it('should commit items submitted during a commit together in the next one', async () => {
    const batches: string[][] = [];
    const sut = new GroupCommitter<string, string>(fakeDataSource(), (_m, items) => {
      batches.push(items);
      return Promise.resolve(items.map((i) => `ok:${i}`));
    });
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((x) => sut.submit(x)));
    expect(results).toEqual(['ok:a', 'ok:b', 'ok:c', 'ok:d']);
    expect(batches.flat()).toEqual(['a', 'b', 'c', 'd']);
    expect(batches.length).toBeLessThan(4);
  });

  it('should reject every item of a batch when its transaction fails', async () => {
    const sut = new GroupCommitter<string, string>(fakeDataSource(), () => Promise.reject(new Error('db down')));
    await expect(sut.submit('x')).rejects.toThrow('db down');
  });

  it('should split a large group at the maximum batch size', async () => {
    const sizes: number[] = [];
    const sut = new GroupCommitter<number, number>(
      fakeDataSource(),
      (_m, items) => {
        sizes.push(items.length);
        return Promise.resolve(items);
      },
      () => undefined,
      3,
    );
    await Promise.all([1, 2, 3, 4, 5, 6, 7].map((n) => sut.submit(n)));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(7);
  });
});
