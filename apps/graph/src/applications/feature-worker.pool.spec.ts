import { FeatureWorkerPool } from './feature-worker.pool';

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe(FeatureWorkerPool.name, () => {
  it('should never run more than its size at once when many tasks arrive together', async () => {
    const sut = new FeatureWorkerPool(2);
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

  it('should free its slot when a task fails', async () => {
    const sut = new FeatureWorkerPool(1);

    await expect(sut.run(() => Promise.reject(new Error('neo4j down')))).rejects.toThrow('neo4j down');
    await expect(sut.run(() => Promise.resolve('ok'))).resolves.toBe('ok');
  });
});
