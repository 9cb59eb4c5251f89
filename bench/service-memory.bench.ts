import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type ServiceLaunch, waitForStableGroups } from '@loanmesh/testing';

import { benchMetric, type BenchMetric, type BenchResult, writeBenchResult } from './bench-result';
import { ChaosInfra, runCommand } from './chaos/chaos-infra';
import { measureRun } from './chaos/chaos-measure';
import { ChaosStack } from './chaos/chaos-stack';
import { streamApplications } from './chaos/scenario-runner';
import { SERVICE_NAMES } from './chaos/service-supervisor';
import { cleanupOnExit } from './chaos/stack-cleanup';
import { loadWorld } from './chaos/world-loader';
import { RssSampler, type RssSummary } from './service-memory/rss-sampler';
import { loadServiceMemoryConfig } from './service-memory/service-memory.config';

/**
 * Each service's resident memory (RSS), idle and busy, run from the TypeScript sources (what
 * `npm run demo` runs: swc and ts-node in the process) and from the compiled release with
 * production dependencies only (`npm run build` + scripts/release.sh: what the image runs).
 * On its own Kafka, Neo4j and database with the world loaded once; for each launch the four
 * services are started afresh on the same data, sampled idle (after a settle), then while
 * live applications stream at MEMORY_RATE and until they are accounted for. Writes
 * bench/results/service-memory.json: per service and launch, idle median and busy median
 * and peak, and the saving of the release, all from the same run.
 */
const LAUNCHES = ['sources', 'release'] as const;
type LaunchName = (typeof LAUNCHES)[number];

interface Phase {
  idle: Record<string, RssSummary>;
  busy: Record<string, RssSummary>;
  decided: number;
  sent: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function run(): Promise<BenchResult> {
  const config = loadServiceMemoryConfig();
  const log = (line: string): void => console.log(`[service-memory ${new Date().toISOString().slice(11, 19)}] ${line}`);
  mkdirSync(config.MEMORY_LOG_DIR, { recursive: true });
  const infra = new ChaosInfra(config.MEMORY_KAFKA_PORT, config.MEMORY_NEO4J_PORT, config.MEMORY_INFRA_DATA);
  const stack = new ChaosStack(
    {
      brokers: [`127.0.0.1:${config.MEMORY_KAFKA_PORT}`],
      neo4jPort: config.MEMORY_NEO4J_PORT,
      portBase: config.MEMORY_PORT_BASE,
      groupPrefix: 'mem-',
      logDir: config.MEMORY_LOG_DIR,
      logLevel: 'info',
      databasePrefix: 'loanmesh_memory',
      fromEnd: false,
    },
    log,
  );
  const cleanup = cleanupOnExit(stack, infra, log);
  const release = mkdtempSync(join(tmpdir(), 'loanmesh-memory-release-'));
  const world = { seed: config.MEMORY_SEED, scale: config.MEMORY_SCALE, rate: config.MEMORY_RATE };
  const bounds = { stallMs: config.MEMORY_STALL_SECONDS * 1000, maxMs: config.MEMORY_SETTLE_MAX_SECONDS * 1000 };
  const pids = (): Record<string, number | undefined> =>
    Object.fromEntries(SERVICE_NAMES.map((s) => [s, stack.supervisor.pid(s)]));

  /** The four services started afresh from `launch`, sampled idle and then busy with live run `liveRun`. */
  async function phase(launch: ServiceLaunch, liveRun: number): Promise<Phase> {
    await Promise.all(SERVICE_NAMES.map((s) => stack.supervisor.stop(s)));
    stack.supervisor.useLaunch(launch);
    SERVICE_NAMES.forEach((s) => stack.supervisor.start(s));
    await stack.supervisor.waitReady();
    await waitForStableGroups(stack.kafka, [...stack.groupTopics().keys(), stack.group('graph-writer')]);
    log(
      `${launch.kind}: ready; settling ${config.MEMORY_SETTLE_SECONDS} s, then idle for ${config.MEMORY_IDLE_SECONDS} s`,
    );
    await sleep(config.MEMORY_SETTLE_SECONDS * 1000);
    const idleSampler = new RssSampler(pids);
    idleSampler.start();
    await sleep(config.MEMORY_IDLE_SECONDS * 1000);
    const idle = idleSampler.stop();
    log(`${launch.kind}: busy, ${config.MEMORY_RATE}/s for ${config.MEMORY_BUSY_SECONDS} s (run ${liveRun})`);
    const since = Date.now() - 1000;
    const busySampler = new RssSampler(pids);
    busySampler.start();
    const fed = await streamApplications(stack, world, liveRun, config.MEMORY_BUSY_SECONDS);
    if (!fed.ok) {
      busySampler.stop();
      throw new Error(`the busy stream failed: ${fed.error}`);
    }
    const figures = await measureRun(stack, liveRun, since, { start: since, end: since }, bounds, log);
    const busy = busySampler.stop();
    log(
      `${launch.kind}: ${figures.decided + figures.referred} of ${figures.sent} decided; ${SERVICE_NAMES.map((s) => `${s} idle ${idle[s]?.medianMiB} / busy peak ${busy[s]?.peakMiB} MiB`).join(', ')}`,
    );
    return { idle, busy, decided: figures.decided + figures.referred, sent: figures.sent };
  }

  try {
    log('compiling (npm run build) and laying out a release with production dependencies only');
    await runCommand(['bash', 'scripts/build.sh']);
    await runCommand(['bash', 'scripts/release.sh', release]);
    log(`starting Kafka :${config.MEMORY_KAFKA_PORT} and Neo4j :${config.MEMORY_NEO4J_PORT} from empty`);
    await infra.freshUp();
    await stack.start();
    const base = await loadWorld(stack, { ...world, warmUpRate: config.MEMORY_RATE }, log);
    const phases = {} as Record<LaunchName, Phase>;
    for (const [i, name] of LAUNCHES.entries()) {
      phases[name] = await phase(
        name === 'release' ? { kind: 'release', dir: release } : { kind: 'sources' },
        base + 1 + i,
      );
    }
    const file = writeBenchResult('service-memory', memoryMetrics(phases, config.MEMORY_SCALE));
    log(`written ${file}`);
    return JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
  } finally {
    await cleanup();
    rmSync(release, { recursive: true, force: true });
  }
}

/** Memory figures to a tenth of a MiB. */
const metric = (value: number, unit: string, target: number, better: BenchMetric['better']): BenchMetric =>
  benchMetric(Math.round(value * 10) / 10, unit, target, better);

/** Per service and launch: idle median, busy median and peak (MiB); the release's saving; what the busy phase decided. */
export function memoryMetrics(phases: Record<LaunchName, Phase>, scale: number): Record<string, BenchMetric> {
  const metrics: Record<string, BenchMetric> = {
    worldScale: metric(scale, 'ratio of the 120k-entity world', 1, 'higher'),
  };
  for (const s of SERVICE_NAMES) {
    for (const launch of LAUNCHES) {
      const p = phases[launch];
      metrics[`${s}.${launch}.idleRssMiB`] = metric(p.idle[s]?.medianMiB ?? 0, 'MiB', 300, 'lower');
      metrics[`${s}.${launch}.busyRssMiB`] = metric(p.busy[s]?.medianMiB ?? 0, 'MiB', 300, 'lower');
      metrics[`${s}.${launch}.busyPeakRssMiB`] = metric(p.busy[s]?.peakMiB ?? 0, 'MiB', 300, 'lower');
    }
    const saved = (phases.sources.idle[s]?.medianMiB ?? 0) - (phases.release.idle[s]?.medianMiB ?? 0);
    metrics[`${s}.idleSavedByReleaseMiB`] = metric(saved, 'MiB', 0, 'higher');
  }
  for (const launch of LAUNCHES) {
    metrics[`${launch}.busySent`] = metric(phases[launch].sent, 'applications', 0, 'higher');
    metrics[`${launch}.busyDecided`] = metric(phases[launch].decided, 'applications', phases[launch].sent, 'higher');
  }
  return metrics;
}

if (require.main === module || process.argv[1]?.endsWith('service-memory.bench.ts')) {
  void run().then((r) => console.log(JSON.stringify(r.metrics, null, 2)));
}
