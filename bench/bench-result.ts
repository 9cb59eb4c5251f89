import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export interface BenchMetric {
  value: number;
  unit: string;
  target: number;
  better: 'lower' | 'higher';
}

/** What every benchmark file holds (the format in TARGETS.md). */
export interface BenchResult {
  benchmark: string;
  measuredAt: string;
  machine: { cpus: number; memoryGiB: number; node: string };
  metrics: Record<string, BenchMetric>;
}

/**
 * Writes bench/results/<name>.json in the shared format (see TARGETS.md) and returns its path;
 * `dir` puts it elsewhere (a partial run must not replace the published figures).
 */
/** One figure of a result: its measured value against the target in the unit given. */
export function benchMetric(value: number, unit: string, target: number, better: BenchMetric['better']): BenchMetric {
  return { value, unit, target, better };
}

export function writeBenchResult(
  name: string,
  metrics: Record<string, BenchMetric>,
  dir = join(__dirname, 'results'),
): string {
  const result: BenchResult = {
    benchmark: name,
    measuredAt: new Date().toISOString(),
    machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    metrics,
  };
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  return file;
}
