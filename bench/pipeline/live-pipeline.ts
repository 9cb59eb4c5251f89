import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { localServiceHeaders } from '@loanmesh/service-auth';

import type { DecisionCollector } from '../../scripts/demo/decision-collector';

/**
 * The local stack as the pipeline benchmarks drive it (time-to-decision, capacity): the
 * demo's infrastructure and services with the 120k-entity world loaded, live applications
 * streamed by the feed at a given rate.
 */
export const ROOT = join(__dirname, '..', '..');
export const SERVICES = ['ingestion', 'graph', 'inference', 'review'] as const;

function sh(args: string[]): void {
  execFileSync(args[0], args.slice(1), { cwd: ROOT, stdio: 'inherit' });
}

/** Runs a command without blocking the event loop, so the decision consumer keeps heartbeating. */
function shAsync(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(args[0], args.slice(1), { cwd: ROOT, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

async function worldLoaded(): Promise<boolean> {
  const res = await fetch('http://127.0.0.1:3001/ingestion/stats', { headers: localServiceHeaders('ingestion') });
  const stats = (await res.json()) as { stored?: number };
  return (stats.stored ?? 0) > 400_000;
}

/** Starts what is not running, loads the world when it is not, and waits until every stage has drained. */
export async function readyPipeline(): Promise<void> {
  sh(['bash', 'infra/infra.sh', 'up']);
  sh(['bash', 'scripts/services.sh', 'up']);
  if (!(await worldLoaded())) {
    sh(['node', 'scripts/run-ts.cjs', 'apps/feed/src/main.ts', '--count', '0', '--no-progress']);
  }
  waitDrained();
}

/** Blocks until every stage has caught up with whatever was published before (at most 15 min). */
export function waitDrained(): void {
  sh(['node', 'scripts/run-ts.cjs', 'scripts/demo/wait-drained.ts', '900']);
}

export function rssMiB(service: string): number {
  const pid = readFileSync(join(ROOT, '.local', 'pids', `${service}.pid`), 'utf8').trim();
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** A live-run number no earlier run used: application ids of its own. */
export function nextLiveRun(previous = 0): number {
  return Math.max(previous + 1, Math.floor(Date.now() / 1000));
}

/** Streams live applications at `rate`/s for `seconds` as live run `run`; resolves to the records the feed sent. */
export async function feedLive(rate: number, seconds: number, run: number): Promise<number> {
  const summary = join(tmpdir(), `loanmesh-live-${run}.json`);
  await shAsync([
    'node',
    'scripts/run-ts.cjs',
    'apps/feed/src/main.ts',
    '--no-backlog',
    '--no-progress',
    '--rate',
    String(rate),
    '--duration',
    String(seconds),
    '--live-run',
    String(run),
    '--summary',
    summary,
  ]);
  return (JSON.parse(readFileSync(summary, 'utf8')) as { live: { records: number } }).live.records;
}

/** Decisions per second from the first application submitted to the last decision committed. */
export function achievedRate(decisions: DecisionCollector['decisions']): number {
  const submitted = decisions.map((d) => d.payload.hops.submittedAt ?? Infinity);
  const decided = decisions.map((d) => d.payload.hops.decidedAt ?? -Infinity);
  const seconds = (Math.max(...decided) - Math.min(...submitted)) / 1000;
  return decisions.length > 0 && seconds > 0 ? Number((decisions.length / seconds).toFixed(1)) : 0;
}
