import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

import { ingestionOutboxBacklog, pipelineStages, waitUntilDrained } from '../../scripts/demo/pipeline-lag';
import { writeBenchResult } from '../bench-result';
import { loadChaosConfig } from './chaos.config';
import { ChaosInfra, runCommand } from './chaos-infra';
import { chaosMetrics, chaosTable, scenarioNotes } from './chaos-report';
import { selectScenarios } from './chaos-scenarios';
import { ChaosStack } from './chaos-stack';
import { runScenario, type ScenarioResult } from './scenario-runner';
import { SERVICE_NAMES } from './service-supervisor';
import { cleanupOnExit } from './stack-cleanup';
import { loadWorld } from './world-loader';

/**
 * `npm run chaos [-- <scenario...>]`: its own Kafka and Neo4j (scripts/test-infra.sh on the
 * chaos ports), its own PostgreSQL database and the four services as real processes; a small
 * world loaded, then per scenario a live stream with a fault injected mid-stream. Writes
 * bench/results/chaos.json and prints a table. Stops everything it started, also on failure
 * or Ctrl-C. See docs/operations.md, "Chaos suite".
 */
const config = loadChaosConfig();
const log = (line: string): void => console.log(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}`);
const infra = new ChaosInfra(config.CHAOS_KAFKA_PORT, config.CHAOS_NEO4J_PORT, config.CHAOS_INFRA_DATA);
const stack = new ChaosStack(
  {
    brokers: [`127.0.0.1:${config.CHAOS_KAFKA_PORT}`],
    neo4jPort: config.CHAOS_NEO4J_PORT,
    portBase: config.CHAOS_PORT_BASE,
    groupPrefix: 'chaos-',
    logDir: config.CHAOS_LOG_DIR,
    logLevel: config.CHAOS_LOG_LEVEL,
    databasePrefix: 'loanmesh_chaos',
    fromEnd: false,
  },
  log,
);
const stages = pipelineStages('chaos-');
const outbox = [ingestionOutboxBacklog(`http://127.0.0.1:${stack.ports.ingestion}`)];

const cleanup = cleanupOnExit(stack, infra, log);

/** Before a scenario: every service ready and the pipeline drained; a stuck stack is restarted once. */
async function prepare(name: string): Promise<string | undefined> {
  const ready = await stack.supervisor.waitReady(SERVICE_NAMES, 180_000).then(
    () => true,
    () => false,
  );
  if (ready && (await waitUntilDrained(stack.kafka, stages, 120_000, undefined, outbox))) {
    return undefined;
  }
  log(`${name}: the stack is not ready or not drained: restarting every service`);
  await stack.supervisor.stopAll();
  SERVICE_NAMES.forEach((s) => stack.supervisor.start(s));
  await stack.supervisor.waitReady(SERVICE_NAMES, 300_000);
  const drained = await waitUntilDrained(stack.kafka, stages, 180_000, undefined, outbox);
  return `services restarted before ${name}${drained ? '' : ' (still not drained)'}`;
}

async function main(): Promise<void> {
  const named = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const scenarios = selectScenarios(named);
  // Only a run of every scenario is published; a chosen few go beside the logs, so a quick
  // check of one scenario never replaces the suite's figures in bench/results/chaos.json.
  const resultDir = named.length === 0 ? undefined : config.CHAOS_LOG_DIR;
  const started = Date.now();
  mkdirSync(config.CHAOS_LOG_DIR, { recursive: true });
  log(
    `scenarios: ${scenarios.map((s) => s.name).join(', ')}; ${config.CHAOS_RATE}/s for ${config.CHAOS_SECONDS} s each`,
  );
  await runCommand(['bash', 'scripts/ensure-deps.sh'], { LOANMESH_SKIP_CHROMIUM: '1' }, false);
  log(
    `starting Kafka :${config.CHAOS_KAFKA_PORT} and Neo4j :${config.CHAOS_NEO4J_PORT} from empty (${config.CHAOS_INFRA_DATA})`,
  );
  await infra.freshUp();
  await stack.start();
  log(`services ready on ${Object.values(stack.ports).join(', ')}`);
  const base = await loadWorld(
    stack,
    { seed: config.CHAOS_SEED, scale: config.CHAOS_SCALE, warmUpRate: config.CHAOS_RATE },
    log,
  );
  const results: ScenarioResult[] = [];
  const resets: string[] = [];
  const failures: string[] = [];
  const details = join(config.CHAOS_LOG_DIR, 'chaos-details.json');
  let file = '';
  for (const [i, scenario] of scenarios.entries()) {
    try {
      const reset = await prepare(scenario.name);
      if (reset) {
        resets.push(reset);
      }
      const load = loadavg()[0].toFixed(1);
      const result = await runScenario(stack, scenario, base + 1 + i, {
        rate: config.CHAOS_RATE,
        seconds: config.CHAOS_SECONDS,
        tailSeconds: 45,
        faultAtSeconds: config.CHAOS_FAULT_AT_SECONDS,
        settleSeconds: config.CHAOS_SETTLE_SECONDS,
        stallSeconds: config.CHAOS_STALL_SECONDS,
        seed: config.CHAOS_SEED,
        scale: config.CHAOS_SCALE,
        infra,
        log,
      });
      results.push(result);
      log(`${scenario.name} (load ${load}): ${JSON.stringify({ ...result.figures, lostIds: undefined })}`);
      scenarioNotes(result).forEach((n) => log(`  ${n}`));
    } catch (e) {
      // One scenario that cannot be measured (its fault broke the harness) must not cost the others.
      failures.push(`${scenario.name}: ${e instanceof Error ? e.message : String(e)}`);
      log(`${scenario.name}: NOT MEASURED: ${failures[failures.length - 1]}`);
    }
    // Written after every scenario, so an interrupted run keeps what it measured.
    file = writeBenchResult('chaos', chaosMetrics(results, config.CHAOS_RATE), resultDir);
    writeFileSync(details, JSON.stringify({ resets, failures, results }, null, 2) + '\n');
  }
  console.log(`\n${chaosTable(results)}\n`);
  [...resets, ...failures].forEach((r) => log(r));
  if (failures.length > 0) {
    process.exitCode = 1;
  }
  log(
    `done in ${((Date.now() - started) / 60000).toFixed(1)} min: ${file}; details ${details}; service logs ${config.CHAOS_LOG_DIR}`,
  );
}

main()
  .catch((e: unknown) => {
    log(`FAILED: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  })
  .finally(() => {
    void cleanup().finally(() => process.exit());
  });
