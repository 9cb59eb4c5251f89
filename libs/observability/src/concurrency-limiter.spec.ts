import { ConcurrencyLimiter } from './concurrency-limiter';

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

function deferred(): { promise: Promise<boolean>; resolve: (v: boolean) => void } {
  let resolve!: (v: boolean) => void;
  const promise = new Promise<boolean>((r) => (resolve = r));
  return { promise, resolve };
}

describe(ConcurrencyLimiter.name, () => {
  it('should never run more than its concurrency at once when many tasks arrive together', async () => {
    const sut = new ConcurrencyLimiter(2);
    let active = 0;
    let peak = 0;
    const task = async (): Promise<number> => {
      active++;
      peak = Math.max(peak, active);
      await tick();
      active--;
      return peak;
    };

    await Promise.all(Array.from({ length: 10 }, () => sut.run(task)));

    expect(peak).toBe(2);
    expect(sut.queued).toBe(0);
  });

  it('should start queued tasks in arrival order', async () => {
    const sut = new ConcurrencyLimiter(1, 2);
    const first = deferred();
    const started: string[] = [];
    const a = sut.tryRun(() => (started.push('a'), first.promise));
    const b = sut.tryRun(() => (started.push('b'), Promise.resolve(true)));
    await Promise.resolve();

    expect(started).toEqual(['a']);
    first.resolve(true);
    await expect(a).resolves.toBe(true);
    await expect(b).resolves.toBe(true);
    expect(started).toEqual(['a', 'b']);
  });

  it('should free its slot when a task fails', async () => {
    const sut = new ConcurrencyLimiter(1);

    await expect(sut.run(() => Promise.reject(new Error('neo4j down')))).rejects.toThrow('neo4j down');
    await expect(sut.run(() => Promise.resolve('ok'))).resolves.toBe('ok');
  });

  it('should refuse at once with undefined, without running the task, when the queue is full', async () => {
    const sut = new ConcurrencyLimiter(1, 1);
    const first = deferred();
    const task = jest.fn(() => Promise.resolve(true));
    const a = sut.tryRun(() => first.promise);
    const b = sut.tryRun(task);

    await expect(sut.tryRun(task)).resolves.toBeUndefined();
    first.resolve(true);
    await Promise.all([a, b]);
    expect(task).toHaveBeenCalledTimes(1);
  });
});
