import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { runBalances } from '../scripts/demo/accounting-summary';
import { decisionStats, percentile } from '../scripts/demo/decision-stats';
import { hopBreakdown } from '../scripts/demo/hop-breakdown';
import { benchMetric, type BenchMetric, type BenchResult, writeBenchResult } from './bench-result';
import { achievedRate, feedLive, nextLiveRun, readyPipeline, rssMiB, SERVICES } from './pipeline/live-pipeline';
import { cpuMetric, cpuMsPerApplication, measureLiveRun } from './pipeline/live-run.measure';

/**
 * Time from the loan-application event to the decision event with all four services and
 * the real Kafka, Neo4j and PostgreSQL on this machine: applications streamed at RATE/s for
 * SECONDS against the loaded 120k-entity world. Reports p50/p95/p99 over EVERY application's
 * first decision (automatic approvals and declines, referrals, degraded referrals), the
 * degraded share, the per-hop breakdown, the run's accounting (published, received, decided,
 * missing, from review's GET /applications/accounting), the CPU milliseconds each process
 * spent per application and each service's resident memory at the end. Every figure is
 * measured; RATE and SECONDS only appear as targets. A warm-up of WARMUP_SECONDS at the same
 * rate runs first and is not counted. `decidedAt` is when the decision was committed; the
 * decision-event figures add the outbox relay and Kafka up to the record's timestamp on the
 * decision topic.
 */
const RATE = 100;
const SECONDS = 60;
/** Applications at the same rate before measuring, so JIT, caches and consumer groups are warm. */
const WARMUP_SECONDS = 15;

const metric = benchMetric;

export async function run(): Promise<BenchResult> {
  await readyPipeline();
  const warmupRun = nextLiveRun();
  await feedLive(RATE, WARMUP_SECONDS, warmupRun);
  const live = await measureLiveRun(RATE, SECONDS, warmupRun);
  const { collector, accounting, published, decided } = live;
  const stats = decisionStats(collector.decisions, 'all');
  const hops = hopBreakdown(collector.decisions, 'all');
  const target = RATE * SECONDS;
  const metrics: Record<string, BenchMetric> = {
    timeToDecisionP50Ms: metric(stats.timeToDecisionMs.p50, 'ms', 1000, 'lower'),
    timeToDecisionP95Ms: metric(stats.timeToDecisionMs.p95, 'ms', 1000, 'lower'),
    timeToDecisionP99Ms: metric(stats.timeToDecisionMs.p99, 'ms', 1000, 'lower'),
    decisionEventP50Ms: metric(percentile(collector.publishLatencies('all'), 50), 'ms', 1000, 'lower'),
    decisionEventP99Ms: metric(percentile(collector.publishLatencies('all'), 99), 'ms', 1000, 'lower'),
    degradedShare: metric(
      decided === 0 ? 0 : Number((accounting.degraded / decided).toFixed(4)),
      'ratio',
      0.01,
      'lower',
    ),
    automationRate: metric(Number(stats.automationRate.toFixed(4)), 'ratio', 0.7, 'higher'),
    achievedRate: metric(achievedRate(collector.decisions), 'applications/s', RATE, 'higher'),
    applicationsPublished: metric(published, 'applications', target, 'higher'),
    applicationsReceived: metric(accounting.sent, 'applications', target, 'higher'),
    applicationsDecided: metric(decided, 'applications', target, 'higher'),
    applicationsMissing: metric(published - decided, 'applications', 0, 'lower'),
    decidedShare: metric(published === 0 ? 0 : Number((decided / published).toFixed(4)), 'ratio', 1, 'higher'),
    accountingBalanced: metric(runBalances(accounting, published) ? 1 : 0, 'boolean', 1, 'higher'),
  };
  for (const [hop, p] of Object.entries(hops)) {
    metrics[`${hop}P99Ms`] = metric(p.p99, 'ms', 1000, 'lower');
  }
  for (const [name, ms] of Object.entries(cpuMsPerApplication(live.cpu, published))) {
    metrics[`cpuMsPerApplication.${name}`] = cpuMetric(name, ms);
  }
  for (const s of SERVICES) {
    metrics[`${s}RssMiB`] = metric(rssMiB(s), 'MiB', 300, 'lower');
  }
  writeBenchResult('time-to-decision', metrics);
  return JSON.parse(readFileSync(join(__dirname, 'results', 'time-to-decision.json'), 'utf8')) as BenchResult;
}

if (require.main === module || process.argv[1]?.endsWith('time-to-decision.bench.ts')) {
  void run().then((r) => console.log(JSON.stringify(r.metrics, null, 2)));
}
