import { rmSync } from 'node:fs';
import { join } from 'node:path';

import type { ChaosInfra } from './chaos-infra';
import { measureRun, type ScenarioFigures } from './chaos-measure';
import type { ChaosScenario } from './chaos-scenarios';
import type { ChaosStack } from './chaos-stack';
import type { FaultWindow } from './fault-injectors';
import { runFeed, type FeedRun } from './feed-process';
import type { UnplannedExit } from './service-supervisor';

export interface ScenarioRunOptions {
  rate: number;
  /** Stream length at least. */
  seconds: number;
  /** Stream continues at least this long after the fault's nominal end. */
  tailSeconds: number;
  faultAtSeconds: number;
  /** After the stream: stop waiting when nothing more is decided for this long... */
  stallSeconds: number;
  /** ...or after this long in any case. */
  settleSeconds: number;
  seed: number;
  scale: number;
  infra?: ChaosInfra;
  log: (line: string) => void;
}

export interface ScenarioResult {
  scenario: string;
  description: string;
  run: number;
  streamSeconds: number;
  window: FaultWindow;
  feed: FeedRun;
  figures: ScenarioFigures;
  unplannedExits: UnplannedExit[];
  faultError?: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Streams the run's live applications at the rate and resolves when the feed exits. */
export function streamApplications(
  stack: ChaosStack,
  o: Pick<ScenarioRunOptions, 'rate' | 'seed' | 'scale'>,
  run: number,
  seconds: number,
): Promise<FeedRun> {
  const summary = join(stack.spec.logDir, `feed-${run}.json`);
  rmSync(summary, { force: true });
  const args = [
    '--no-backlog',
    '--seed',
    String(o.seed),
    '--scale',
    String(o.scale),
    '--brokers',
    stack.spec.brokers.join(','),
  ];
  args.push('--rate', String(o.rate), '--duration', String(seconds), '--live-run', String(run));
  return runFeed(args, join(stack.spec.logDir, 'feed.log'), summary, (seconds + 180) * 1000);
}

/**
 * One scenario: the run's applications streamed at the rate, the fault injected
 * `faultAtSeconds` in, then a bounded wait until every application is accounted for, and
 * the figures.
 */
export async function runScenario(
  stack: ChaosStack,
  scenario: ChaosScenario,
  run: number,
  o: ScenarioRunOptions,
): Promise<ScenarioResult> {
  const streamSeconds = Math.max(o.seconds, o.faultAtSeconds + scenario.faultSeconds + o.tailSeconds);
  const exitsBefore = stack.supervisor.unplannedExits.length;
  const since = Date.now() - 1000;
  o.log(
    `${scenario.name}: live run ${run}, ${o.rate}/s for ${streamSeconds} s; ${scenario.description} at ${o.faultAtSeconds} s`,
  );
  const feed = streamApplications(stack, o, run, streamSeconds);
  await sleep(o.faultAtSeconds * 1000);
  let window: FaultWindow;
  let faultError: string | undefined;
  try {
    window = await scenario.inject({ stack, infra: o.infra, log: (l) => o.log(`${scenario.name}: ${l}`) });
  } catch (e) {
    faultError = e instanceof Error ? e.message : String(e);
    o.log(`${scenario.name}: the fault failed: ${faultError}`);
    window = { start: Date.now(), end: Date.now(), notes: [`fault failed: ${faultError}`] };
  }
  const fed = await feed;
  o.log(
    `${scenario.name}: stream done (${fed.ok ? `${fed.liveRecords} records` : fed.error}); waiting until accounted`,
  );
  const figures = await measureRun(
    stack,
    run,
    since,
    window,
    { stallMs: o.stallSeconds * 1000, maxMs: o.settleSeconds * 1000 },
    (l) => o.log(`${scenario.name}: ${l}`),
  );
  return {
    scenario: scenario.name,
    description: scenario.description,
    run,
    streamSeconds,
    window,
    feed: fed,
    figures,
    unplannedExits: stack.supervisor.unplannedExits.slice(exitsBefore),
    ...(faultError ? { faultError } : {}),
  };
}
