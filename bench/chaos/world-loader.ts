import { join } from 'node:path';

import { ingestionOutboxBacklog, pipelineStages, waitUntilDrained } from '../../scripts/demo/pipeline-lag';
import type { ChaosStack } from './chaos-stack';
import { runFeed } from './feed-process';
import { streamApplications } from './scenario-runner';

export interface WorldSpec {
  seed: number;
  scale: number;
  /** Live applications per second of the warm-up stream after the load. */
  warmUpRate: number;
}

/**
 * Publishes the seeded world through the feed, waits until every stage and ingestion's outbox
 * have processed it, then streams 10 s of live applications to warm the services up. Resolves
 * to the warm-up's run number; later runs take the numbers after it.
 */
export async function loadWorld(stack: ChaosStack, world: WorldSpec, log: (line: string) => void): Promise<number> {
  const stages = pipelineStages(stack.spec.groupPrefix);
  const outbox = [ingestionOutboxBacklog(`http://127.0.0.1:${stack.ports.ingestion}`)];
  log(`loading the world (seed ${world.seed}, scale ${world.scale})`);
  const fed = await runFeed(
    [
      '--seed',
      String(world.seed),
      '--scale',
      String(world.scale),
      '--count',
      '0',
      '--brokers',
      stack.spec.brokers.join(','),
    ],
    join(stack.spec.logDir, 'feed.log'),
    join(stack.spec.logDir, 'feed-world.json'),
    600_000,
  );
  if (!fed.ok) {
    throw new Error(`loading the world failed: ${fed.error}`);
  }
  const loadStarted = Date.now();
  let shown = 0;
  const progress = (lags: number[]): void => {
    if (Date.now() - shown >= 30_000) {
      shown = Date.now();
      log(
        `backlog still to process: ${[...stages.map((s) => s.label), 'ingestion outbox'].map((l, i) => `${l} ${lags[i]}`).join(', ')}`,
      );
    }
  };
  if (!(await waitUntilDrained(stack.kafka, stages, 900_000, progress, outbox))) {
    throw new Error('the world backlog was not processed within 15 minutes');
  }
  log(`world processed in ${((Date.now() - loadStarted) / 1000).toFixed(0)} s after publishing; warming up for 10 s`);
  const warmUp = Math.floor(Date.now() / 1000);
  await streamApplications(stack, { rate: world.warmUpRate, seed: world.seed, scale: world.scale }, warmUp, 10);
  return warmUp;
}
