import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { runBalances } from '../scripts/demo/accounting-summary';
import { decisionStats } from '../scripts/demo/decision-stats';
import { hopBreakdown } from '../scripts/demo/hop-breakdown';
import { benchMetric, type BenchMetric, type BenchResult, writeBenchResult } from './bench-result';
import { achievedRate, feedLive, nextLiveRun, readyPipeline, waitDrained } from './pipeline/live-pipeline';
import { cpuMetric, cpuMsPerApplication, measureLiveRun } from './pipeline/live-run.measure';

/**
 * The pipeline's capacity on this machine: live applications at stepped rates (STEPS, each
 * for STEP_SECONDS after the stack has drained) until a step misses p99 application event →
 * decision under 1 s or leaves an application unaccounted. The capacity is the highest rate
 * that passed, with what was measured at each step: p99, the rate actually decided, and the
 * CPU milliseconds each process spent per application, which says which process runs out of
 * cores first. Steps above the first failure are not run (the stack would only queue).
 */
const STEPS = [50, 100, 150, 200, 300, 500, 700];
const STEP_SECONDS = 30;
const WARMUP_SECONDS = 10;
const P99_TARGET_MS = 1000;
/** The rate issue 14 asks for. */
const CAPACITY_TARGET = 500;

const metric = benchMetric;

export async function run(): Promise<BenchResult> {
  await readyPipeline();
  let previous = nextLiveRun();
  await feedLive(STEPS[0], WARMUP_SECONDS, previous);
  const metrics: Record<string, BenchMetric> = {};
  let capacity = 0;
  for (const rate of STEPS) {
    waitDrained();
    const live = await measureLiveRun(rate, STEP_SECONDS, previous);
    previous = live.run;
    const p99 = decisionStats(live.collector.decisions, 'all').timeToDecisionMs.p99;
    const balanced = runBalances(live.accounting, live.published) && live.decided === live.published;
    const passed = balanced && p99 < P99_TARGET_MS;
    const step = `rate${rate}`;
    metrics[`${step}.p99Ms`] = metric(p99, 'ms', P99_TARGET_MS, 'lower');
    metrics[`${step}.achievedRate`] = metric(achievedRate(live.collector.decisions), 'applications/s', rate, 'higher');
    metrics[`${step}.unaccounted`] = metric(live.published - live.decided, 'applications', 0, 'lower');
    for (const [hop, p] of Object.entries(hopBreakdown(live.collector.decisions, 'all'))) {
      metrics[`${step}.${hop}P99Ms`] = metric(p.p99, 'ms', P99_TARGET_MS, 'lower');
    }
    for (const [name, ms] of Object.entries(cpuMsPerApplication(live.cpu, live.published))) {
      metrics[`${step}.cpuMsPerApplication.${name}`] = cpuMetric(name, ms);
    }
    console.log(
      `[capacity] ${rate}/s: p99 ${p99} ms, decided ${live.decided}/${live.published}: ${passed ? 'pass' : 'FAIL'}`,
    );
    if (!passed) {
      break;
    }
    capacity = rate;
  }
  metrics.capacityApplicationsPerSecond = metric(capacity, 'applications/s', CAPACITY_TARGET, 'higher');
  writeBenchResult('capacity', metrics);
  return JSON.parse(readFileSync(join(__dirname, 'results', 'capacity.json'), 'utf8')) as BenchResult;
}

if (require.main === module || process.argv[1]?.endsWith('capacity.bench.ts')) {
  void run().then((r) => console.log(JSON.stringify(r.metrics, null, 2)));
}
