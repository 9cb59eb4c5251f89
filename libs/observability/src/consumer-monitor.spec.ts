import { ConsumerMonitor, stalledWorkWarning, type WorkInFlight } from './consumer-monitor';

describe('ConsumerMonitor stall tracking', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('reports a batch still in flight after the threshold as stalled, once, and forgets it when done', async () => {
    const monitor = new ConsumerMonitor('review');
    const stalls: WorkInFlight[] = [];
    let finish!: () => void;
    const work = monitor.track(
      'domain.loan',
      3,
      () => new Promise<string>((resolve) => (finish = () => resolve('done'))),
      (w) => stalls.push(w),
      15_000,
    );

    jest.advanceTimersByTime(14_999);
    expect(monitor.stalled(15_000)).toEqual([]);
    expect(stalls).toHaveLength(0);
    expect(monitor.oldestWorkSeconds()).toBeCloseTo(14.999, 3);

    jest.advanceTimersByTime(10_000);
    expect(monitor.stalled(15_000)).toEqual([{ topic: 'domain.loan', partition: 3, since: 1_000_000 }]);
    expect(stalls).toEqual([{ topic: 'domain.loan', partition: 3, since: 1_000_000 }]);
    expect(stalledWorkWarning('review', stalls[0])).toContain('domain.loan[3] still in flight after 25 s');

    finish();
    await expect(work).resolves.toBe('done');
    expect(monitor.stalled(15_000)).toEqual([]);
    expect(monitor.oldestWorkSeconds()).toBe(0);
    jest.advanceTimersByTime(60_000);
    expect(stalls).toHaveLength(1);
  });

  it('forgets a failed batch and passes its error on, without calling the stall callback', async () => {
    const monitor = new ConsumerMonitor('graph');
    const onStalled = jest.fn();
    const work = monitor.track('t', 0, () => Promise.reject(new Error('connection reset')), onStalled, 1000);
    await expect(work).rejects.toThrow('connection reset');
    jest.advanceTimersByTime(5000);
    expect(onStalled).not.toHaveBeenCalled();
    expect(monitor.stalled(1000)).toEqual([]);
  });

  it('lists stalled batches oldest first, leaving out the young ones', () => {
    const monitor = new ConsumerMonitor('ingestion');
    const never = (): Promise<void> => new Promise<void>(() => undefined);
    void monitor.track('a', 0, never, () => undefined, 1000);
    jest.advanceTimersByTime(3000);
    void monitor.track('b', 1, never, () => undefined, 1000);
    jest.advanceTimersByTime(2000);
    void monitor.track('c', 2, never, () => undefined, 1000);
    expect(monitor.stalled(1500).map((w) => w.topic)).toEqual(['a', 'b']);
    expect(monitor.oldestWorkSeconds()).toBe(5);
  });
});
