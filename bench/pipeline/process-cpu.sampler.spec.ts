import { ProcessCpuSampler } from './process-cpu.sampler';
import { cpuMsPerApplication } from './live-run.measure';

function burn(ms: number): void {
  const until = process.hrtime.bigint() + BigInt(ms) * 1_000_000n;
  let x = 0;
  while (process.hrtime.bigint() < until) {
    x = (x + 1) % 1_000_003;
  }
  expect(x).toBeGreaterThanOrEqual(0);
}

describe('ProcessCpuSampler', () => {
  it('measures the CPU time a process spends between begin and end', () => {
    const sampler = new ProcessCpuSampler(() => [{ name: 'self', pid: process.pid }]);
    sampler.begin();
    burn(300);
    const used = sampler.end();
    // Busy for 300 ms of wall time: at most that much CPU, and most of it on a machine not starved.
    expect(used.self).toBeGreaterThan(0.05);
    expect(used.self).toBeLessThan(1);
  });

  it('adds processes of one name and skips those that are gone', () => {
    const sampler = new ProcessCpuSampler(() => [
      { name: 'pair', pid: process.pid },
      { name: 'pair', pid: process.ppid },
      { name: 'gone', pid: 2 ** 22 + 7 },
    ]);
    sampler.begin();
    burn(100);
    const used = sampler.end();
    expect(Object.keys(used).sort()).toEqual(['pair']);
    expect(used.pair).toBeGreaterThan(0);
  });
});

describe('cpuMsPerApplication', () => {
  it('divides each group and the whole stack by the applications', () => {
    expect(cpuMsPerApplication({ graph: 3, review: 1 }, 1000)).toEqual({ graph: 3, review: 1, stack: 4 });
    expect(cpuMsPerApplication({ graph: 3 }, 0)).toEqual({ graph: 0, stack: 0 });
  });
});
