import { RssSampler, rssMiB, summarizeRss } from './rss-sampler';

describe(summarizeRss.name, () => {
  it('should give the median and the peak of the samples', () => {
    expect(summarizeRss([300, 100, 200])).toEqual({ samples: 3, medianMiB: 200, peakMiB: 300 });
    expect(summarizeRss([100, 400, 200, 300])).toEqual({ samples: 4, medianMiB: 250, peakMiB: 400 });
  });

  it('should give zeros, not NaN, without samples', () => {
    expect(summarizeRss([])).toEqual({ samples: 0, medianMiB: 0, peakMiB: 0 });
  });
});

describe(rssMiB.name, () => {
  it('should read this process resident memory and nothing for a pid that does not exist', () => {
    const own = rssMiB(process.pid) ?? 0;
    expect(own).toBeGreaterThan(10);
    expect(own).toBeLessThan(process.memoryUsage().rss / 2 ** 20 + 64);
    expect(rssMiB(2 ** 22 + 1)).toBeUndefined();
  });
});

describe(RssSampler.name, () => {
  it('should follow each process by name and skip ticks where it is gone', () => {
    let pid: number | undefined = 1;
    const readings: Record<number, number> = { 1: 100, 2: 300 };
    const sampler = new RssSampler(
      () => ({ graph: pid }),
      60_000,
      (p) => readings[p],
    );
    sampler.start(); // first tick: pid 1
    pid = undefined;
    const gone = sampler.stop(); // last tick: no process
    expect(gone).toEqual({ graph: { samples: 1, medianMiB: 100, peakMiB: 100 } });

    const restarted = new RssSampler(
      () => ({ graph: pid }),
      60_000,
      (p) => readings[p],
    );
    pid = 1;
    restarted.start();
    pid = 2;
    expect(restarted.stop()).toEqual({ graph: { samples: 2, medianMiB: 200, peakMiB: 300 } });
  });
});
