import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { TEST_BROKERS, TEST_NEO4J_PORT, uniqueId, waitForStableGroups } from '@loanmesh/testing';

import { ingestionOutboxBacklog, pipelineStages, waitUntilDrained } from '../../scripts/demo/pipeline-lag';
import { loadChaosConfig } from './chaos.config';
import { SCENARIOS } from './chaos-scenarios';
import { ChaosStack } from './chaos-stack';
import { runFeed } from './feed-process';
import { runScenario, type ScenarioResult } from './scenario-runner';

/**
 * The chaos suite's regression guard in the integration tier: the four services as real
 * processes on the tests' Kafka and Neo4j, a small world, then live applications at 20/s
 * with review killed (`kill -9`) mid-stream and restarted: none lost, none decided twice.
 */
describe('chaos: kill -9 of review mid-stream', () => {
  const logDir = join(__dirname, '..', '..', 'test-results', 'chaos');
  const prefix = `${uniqueId('chaos')}-`;
  const log = (line: string): void =>
    appendFileSync(join(logDir, 'smoke.log'), `${new Date().toISOString()} ${line}\n`);
  /** About 2,300 core-banking events: a world small enough to load in seconds, big enough for 300 applications. */
  const world = { seed: 4242, scale: 0.005 };
  let stack: ChaosStack;

  beforeAll(async () => {
    mkdirSync(logDir, { recursive: true });
    stack = new ChaosStack(
      {
        brokers: TEST_BROKERS,
        neo4jPort: TEST_NEO4J_PORT,
        // Off the chaos suite's own ports (base+1..14): the suite and this test may run side by side.
        portBase: loadChaosConfig().CHAOS_PORT_BASE + 100,
        groupPrefix: prefix,
        logDir,
        logLevel: 'info',
        databasePrefix: 'loanmesh_t_chaos',
        fromEnd: true,
      },
      log,
    );
    await stack.start();
    const groups = ['ingestion', 'graph-writer', 'graph', 'inference', 'review'].map((g) => stack.group(g));
    await waitForStableGroups(stack.kafka, groups);
    const fed = await runFeed(
      [
        '--seed',
        String(world.seed),
        '--scale',
        String(world.scale),
        '--count',
        '0',
        '--brokers',
        TEST_BROKERS.join(','),
      ],
      join(logDir, 'feed.log'),
      join(logDir, `feed-world-${prefix}json`),
      120_000,
    );
    expect(fed).toEqual({ ok: true, liveRecords: 0 });
    expect(
      await waitUntilDrained(stack.kafka, pipelineStages(prefix), 180_000, undefined, [
        ingestionOutboxBacklog(`http://127.0.0.1:${stack.ports.ingestion}`),
      ]),
    ).toBe(true);
  }, 420_000);

  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  it('should lose no application and decide none twice when review is killed and restarted', async () => {
    const scenario = SCENARIOS.find((s) => s.name === 'kill-review')!;
    const result: ScenarioResult = await runScenario(stack, scenario, Math.floor(Date.now() / 1000), {
      rate: 20,
      seconds: 15,
      tailSeconds: 5,
      faultAtSeconds: 4,
      settleSeconds: 90,
      stallSeconds: 45,
      ...world,
      log,
    });
    log(JSON.stringify(result.figures));
    expect(result.feed.ok).toBe(true);
    expect(result.figures.sent).toBe(300);
    expect({
      lost: result.figures.lost,
      decidedTwice: result.figures.decidedTwice,
      decidedTwiceOnTopic: result.figures.decidedTwiceOnTopic,
    }).toEqual({ lost: 0, decidedTwice: 0, decidedTwiceOnTopic: 0 });
    expect(result.figures.decided + result.figures.referred).toBe(300);
  }, 240_000);
});
