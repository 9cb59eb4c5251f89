import { applyIsolating } from './failure-isolation';

const refused = (value: number): Error => Object.assign(new Error(`value ${value} refused`), { code: '22003' });
const unavailable = (): Error => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

/** An all-or-nothing store that refuses some values, recording every attempt. */
function store(refuse: (n: number) => boolean, down = () => false) {
  const attempts: number[][] = [];
  const committed: number[] = [];
  const apply = (items: number[]): Promise<string[]> => {
    attempts.push(items);
    if (down()) {
      return Promise.reject(unavailable());
    }
    const bad = items.find(refuse);
    if (bad !== undefined) {
      return Promise.reject(refused(bad));
    }
    committed.push(...items);
    return Promise.resolve(items.map((n) => `ok:${n}`));
  };
  return { attempts, committed, apply };
}

describe(applyIsolating.name, () => {
  it('should apply everything in one attempt when nothing is refused', async () => {
    const s = store(() => false);

    const result = await applyIsolating([1, 2, 3], s.apply);

    expect(result).toEqual([1, 2, 3].map((n) => ({ ok: true, value: `ok:${n}` })));
    expect(s.attempts).toEqual([[1, 2, 3]]);
  });

  it('should isolate the one refused item and apply the others in order when the store refuses it', async () => {
    const items = Array.from({ length: 16 }, (_, i) => i);
    const s = store((n) => n === 11);

    const result = await applyIsolating(items, s.apply);

    expect(result.flatMap((r, i) => (r.ok ? [] : [i]))).toEqual([11]);
    expect(String((result[11] as { error: unknown }).error)).toContain('value 11 refused');
    expect(s.committed).toEqual(items.filter((n) => n !== 11));
    expect(s.attempts.length).toBeLessThanOrEqual(2 * Math.log2(items.length) + 1);
  });

  it('should isolate each of several refused items', async () => {
    const s = store((n) => n === 0 || n === 5 || n === 6);

    const result = await applyIsolating([0, 1, 2, 3, 4, 5, 6, 7], s.apply);

    expect(result.flatMap((r, i) => (r.ok ? [] : [i]))).toEqual([0, 5, 6]);
    expect(s.committed).toEqual([1, 2, 3, 4, 7]);
  });

  it('should fail every item without splitting when the store is unavailable', async () => {
    const s = store(
      () => false,
      () => true,
    );

    const result = await applyIsolating([1, 2, 3, 4], s.apply);

    expect(result.every((r) => !r.ok)).toBe(true);
    expect(s.attempts).toHaveLength(1);
  });

  it('should stop splitting and fail the rest when the store goes down during the search', async () => {
    let calls = 0;
    const s = store(
      (n) => n === 1,
      () => ++calls > 4,
    );

    const result = await applyIsolating([1, 2, 3, 4], s.apply);

    expect(result.map((r) => r.ok)).toEqual([false, true, false, false]);
    expect(String((result[0] as { error: unknown }).error)).toContain('value 1 refused');
    expect(String((result[3] as { error: unknown }).error)).toContain('ECONNREFUSED');
    expect(s.attempts).toHaveLength(5);
  });
});
