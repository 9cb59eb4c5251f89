import { WorldGeneratorService, entityCounts, worldOptions } from '@loanmesh/world';

import { writeBenchResult, type BenchMetric } from './bench-result';

export type BenchResult = Record<string, BenchMetric>;

/** Generates the default world (seed 42, scale 1) and records time, peak RSS and entity nodes. */
export async function run(): Promise<BenchResult> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  // Yield once so the sampler is armed before the synchronous generation starts.
  await new Promise((resolve) => setImmediate(resolve));
  const { world } = new WorldGeneratorService().generate(worldOptions(42, 1));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  const metrics: BenchResult = {
    generateSeconds: { value: Math.round(seconds * 100) / 100, unit: 's', target: 20, better: 'lower' },
    peakRssMiB: { value: Math.round(peak / 2 ** 20), unit: 'MiB', target: 1024, better: 'lower' },
    entityNodes: { value: entityCounts(world).total, unit: 'nodes', target: 120_000, better: 'higher' },
  };
  writeBenchResult('world-generate', metrics);
  return metrics;
}

if (require.main === module || process.argv[1]?.endsWith('world-generate.bench.ts')) {
  void run().then((metrics) => console.log(JSON.stringify(metrics, null, 2)));
}
