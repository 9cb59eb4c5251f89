import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

import { waitForStableGroups } from '@loanmesh/testing';

import { type BenchMetric, writeBenchResult } from '../bench-result';
import { ChaosInfra, runCommand } from '../chaos/chaos-infra';
import { measureRun, type ScenarioFigures } from '../chaos/chaos-measure';
import { ChaosStack } from '../chaos/chaos-stack';
import { streamApplications } from '../chaos/scenario-runner';
import { instanceOf, SERVICE_NAMES, type ServiceInstance } from '../chaos/service-supervisor';
import { cleanupOnExit } from '../chaos/stack-cleanup';
import { loadWorld } from '../chaos/world-loader';
import { compareReplicaFeatures, summarizeMismatches, type FeatureComparison } from './replica-features';
import { loadScaleOutConfig } from './scale-out.config';

/**
 * `npm run scale-out`: the partitioned design run with several replicas of every service on
 * the same consumer groups, on its own Kafka, Neo4j and database. In one run: a burst decided
 * by one replica of each service, the same burst by N replicas (capacity and its ratio), then
 * a steady stream during which replica 2.. of every service is stopped and started again
 * (two rebalances), counted for lost and twice-decided applications; finally every graph
 * replica is asked for the features of the same applications. Writes bench/results/scale-out.json.
 */
const config = loadScaleOutConfig();
const log = (line: string): void => console.log(`[scale-out ${new Date().toISOString().slice(11, 19)}] ${line}`);
const infra = new ChaosInfra(config.SCALE_OUT_KAFKA_PORT, config.SCALE_OUT_NEO4J_PORT, config.SCALE_OUT_INFRA_DATA);
const stack = new ChaosStack(
  {
    brokers: [`127.0.0.1:${config.SCALE_OUT_KAFKA_PORT}`],
    neo4jPort: config.SCALE_OUT_NEO4J_PORT,
    portBase: config.SCALE_OUT_PORT_BASE,
    groupPrefix: 'scale-',
    logDir: config.SCALE_OUT_LOG_DIR,
    logLevel: config.SCALE_OUT_LOG_LEVEL,
    databasePrefix: 'loanmesh_scale_out',
    fromEnd: false,
  },
  log,
);
const bounds = { stallMs: config.SCALE_OUT_STALL_SECONDS * 1000, maxMs: config.SCALE_OUT_SETTLE_SECONDS * 1000 };
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const world = { rate: config.SCALE_OUT_RATE, seed: config.SCALE_OUT_SEED, scale: config.SCALE_OUT_SCALE };

const cleanup = cleanupOnExit(stack, infra, log);

/** A burst far above capacity: how many applications per second the stack decides, from first submission to last decision. */
async function burst(
  run: number,
  label: string,
): Promise<{ figures: ScenarioFigures; perSecond: number; fullDataPerSecond: number }> {
  const since = Date.now() - 1000;
  log(`${label}: burst of ${config.SCALE_OUT_BURST_RATE}/s for ${config.SCALE_OUT_BURST_SECONDS} s (run ${run})`);
  await streamApplications(stack, { ...world, rate: config.SCALE_OUT_BURST_RATE }, run, config.SCALE_OUT_BURST_SECONDS);
  const figures = await measureRun(stack, run, since, { start: since, end: since }, bounds, log);
  const accounted = figures.decided + figures.referred;
  const perSecond = figures.drainSeconds > 0 ? accounted / figures.drainSeconds : 0;
  // A degraded application is referred at once without its graph features or score: counted in
  // `perSecond`, but a stack that degrades most of a burst is not deciding them.
  const fullDataPerSecond = figures.drainSeconds > 0 ? (accounted - figures.degraded) / figures.drainSeconds : 0;
  log(
    `${label}: ${accounted} of ${figures.sent} decided in ${figures.drainSeconds.toFixed(1)} s = ${perSecond.toFixed(1)}/s, ${fullDataPerSecond.toFixed(1)}/s on full data (${figures.degraded} degraded; load ${loadavg()[0].toFixed(1)})`,
  );
  return { figures, perSecond, fullDataPerSecond };
}

/** The steady stream; replicas 2.. of every service stopped (SIGTERM) at a third and started again at two thirds. */
async function steadyWithRebalance(run: number, extra: readonly ServiceInstance[]): Promise<ScenarioFigures> {
  const since = Date.now() - 1000;
  const seconds = config.SCALE_OUT_SECONDS;
  log(`steady ${config.SCALE_OUT_RATE}/s for ${seconds} s (run ${run}); replicas ${extra.join(', ')} leave and return`);
  const feed = streamApplications(stack, world, run, seconds);
  await sleep((seconds / 3) * 1000);
  log(`stopping ${extra.join(', ')} (SIGTERM): their partitions move to the first replicas`);
  await Promise.all(extra.map((i) => stack.supervisor.stop(i)));
  await sleep((seconds / 3) * 1000);
  log(`starting ${extra.join(', ')} again: partitions move back`);
  extra.forEach((i) => stack.supervisor.start(i));
  await stack.supervisor.waitReady(extra);
  const fed = await feed;
  log(`stream done (${fed.ok ? `${fed.liveRecords} records` : fed.error}); waiting until accounted`);
  return measureRun(stack, run, since, { start: since, end: Date.now() }, bounds, log);
}

function metric(value: number, unit: string, target: number, better: BenchMetric['better']): BenchMetric {
  return { value: Math.round(value * 1000) / 1000, unit, target, better };
}

async function main(): Promise<void> {
  const started = Date.now();
  const replicas = config.SCALE_OUT_REPLICAS;
  mkdirSync(config.SCALE_OUT_LOG_DIR, { recursive: true });
  await runCommand(['bash', 'scripts/ensure-deps.sh'], { LOANMESH_SKIP_CHROMIUM: '1' }, false);
  log(`starting Kafka :${config.SCALE_OUT_KAFKA_PORT} and Neo4j :${config.SCALE_OUT_NEO4J_PORT} from empty`);
  await infra.freshUp();
  await stack.start();
  const base = await loadWorld(stack, { ...world, warmUpRate: config.SCALE_OUT_RATE }, log);

  const one = await burst(base + 1, 'one replica each');
  const extra: ServiceInstance[] = [];
  for (let r = 2; r <= replicas; r++) {
    extra.push(...(await stack.startReplicas(r)));
  }
  await waitForStableGroups(stack.kafka, [...stack.groupTopics().keys(), stack.group('graph-writer')]);
  log(`${replicas} replicas of ${SERVICE_NAMES.join(', ')} ready and in their groups`);
  const many = await burst(base + 2, `${replicas} replicas each`);
  const steady = await steadyWithRebalance(base + 3, extra);
  const graphs = Array.from({ length: replicas }, (_, i) => instanceOf('graph', i + 1));
  const features: FeatureComparison = await compareReplicaFeatures(
    stack,
    graphs,
    base + 3,
    config.SCALE_OUT_FEATURE_SAMPLES,
  );
  log(
    `features of ${features.compared} applications compared across ${graphs.join(', ')}: ${features.mismatches} differ`,
  );
  summarizeMismatches(features).forEach((line) => log(`  differs: ${line}`));

  const runs = [one.figures, many.figures, steady];
  const file = writeBenchResult('scale-out', {
    replicas: metric(replicas, 'replicas per service', 2, 'higher'),
    lostApplications: metric(
      runs.reduce((n, f) => n + f.lost, 0),
      'applications',
      0,
      'lower',
    ),
    decidedTwice: metric(
      runs.reduce((n, f) => n + f.decidedTwice + f.decidedTwiceOnTopic, 0),
      'applications',
      0,
      'lower',
    ),
    featureMismatchesAcrossReplicas: metric(features.mismatches, 'applications', 0, 'lower'),
    featureSamplesCompared: metric(features.compared, 'applications', config.SCALE_OUT_FEATURE_SAMPLES, 'higher'),
    capacityOneReplica: metric(one.perSecond, 'applications/s', 500, 'higher'),
    capacityScaled: metric(many.perSecond, 'applications/s', 500, 'higher'),
    capacityRatio: metric(one.perSecond > 0 ? many.perSecond / one.perSecond : 0, 'ratio', 1, 'higher'),
    fullDataCapacityOneReplica: metric(one.fullDataPerSecond, 'applications/s', 500, 'higher'),
    fullDataCapacityScaled: metric(many.fullDataPerSecond, 'applications/s', 500, 'higher'),
    fullDataCapacityRatio: metric(
      one.fullDataPerSecond > 0 ? many.fullDataPerSecond / one.fullDataPerSecond : 0,
      'ratio',
      1,
      'higher',
    ),
    steadyP50: metric(steady.p50Ms, 'ms', 1000, 'lower'),
    steadyP99ThroughRebalance: metric(steady.p99Ms, 'ms', 1000, 'lower'),
    steadyDegraded: metric(steady.degraded, 'applications', 0, 'lower'),
  });
  const details = join(config.SCALE_OUT_LOG_DIR, 'scale-out-details.json');
  writeFileSync(
    details,
    JSON.stringify({ one, many, steady, features, unplannedExits: stack.supervisor.unplannedExits }, null, 2) + '\n',
  );
  log(`done in ${((Date.now() - started) / 60000).toFixed(1)} min: ${file}; details ${details}`);
}

main()
  .catch((e: unknown) => {
    log(`FAILED: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  })
  .finally(() => {
    void cleanup().finally(() => process.exit());
  });
