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

describe(`${GroupCommitter.name} when the store refuses an item`, () => {
  const refusal = (item: string): Error =>
    Object.assign(new Error(`unsupported Unicode escape sequence in ${item}`), { code: '22P05' });

  it('should reject only the refused item with the store error and commit the rest of its group', async () => {
    const committed: string[][] = [];
    const sut = new GroupCommitter<string, string>(fakeDataSource(), (_m, items) => {
      const bad = items.find((i) => i.includes('\u0000'));
      if (bad) {
        return Promise.reject(refusal(bad));
      }
      committed.push(items);
      return Promise.resolve(items.map((i) => `ok:${i}`));
    });
    const items = ['a', 'b', 'c', 'x\u0000', 'd', 'e'];

    const results = await Promise.allSettled(items.map((i) => sut.submit(i)));

    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect(String((results[3] as PromiseRejectedResult).reason)).toContain('unsupported Unicode escape sequence');
    expect(committed.flat().sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('should reject the whole group without splitting when the database is unavailable', async () => {
    let attempts = 0;
    const sut = new GroupCommitter<string, string>(fakeDataSource(), () => {
      attempts++;
      return Promise.reject(Object.assign(new Error('Connection terminated unexpectedly'), { code: undefined }));
    });

    const results = await Promise.allSettled(['a', 'b', 'c'].map((i) => sut.submit(i)));

    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(attempts).toBeLessThanOrEqual(2);
  });
});
