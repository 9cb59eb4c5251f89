import { HashGate } from './hash-gate';

describe(HashGate.name, () => {
  const deferred = () => {
    let resolve!: (v: boolean) => void;
    const promise = new Promise<boolean>((r) => (resolve = r));
    return { promise, resolve };
  };

  it('should run at most `concurrency` tasks and queue the rest in order', async () => {
    const sut = new HashGate(1, 2);
    const first = deferred();
    const started: string[] = [];
    const a = sut.run(() => (started.push('a'), first.promise));
    const b = sut.run(() => (started.push('b'), Promise.resolve(true)));
    await Promise.resolve();

    expect(started).toEqual(['a']);
    first.resolve(true);
    await expect(a).resolves.toBe(true);
    await expect(b).resolves.toBe(true);
    expect(started).toEqual(['a', 'b']);
  });

  it('should refuse at once with undefined when the queue is full', async () => {
    const sut = new HashGate(1, 1);
    const first = deferred();
    const task = jest.fn(() => Promise.resolve(true));
    const a = sut.run(() => first.promise);
    const b = sut.run(task);

    await expect(sut.run(task)).resolves.toBeUndefined();
    first.resolve(true);
    await Promise.all([a, b]);
    expect(task).toHaveBeenCalledTimes(1);
  });
});
