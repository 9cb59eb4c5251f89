import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Client } from 'pg';

const ROOT = join(__dirname, '../../../..');

/** The real ingestion service as a child process, so it can be killed with SIGKILL. */
export function spawnIngestion(env: Record<string, string>, nodeArgs: readonly string[] = []): ChildProcess {
  return spawn(
    process.execPath,
    [...nodeArgs, join(ROOT, 'scripts/run-ts.cjs'), join(ROOT, 'apps/ingestion/src/main.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

/** Resident memory of a process in MiB (Linux), or 0 once it has exited. */
export function rssMiB(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D/g, '')) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Runs one query on the suite's database with a short-lived connection. */
export async function queryDb<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function storedCount(url: string): Promise<number> {
  const rows = await queryDb<{ n: number }>(url, 'SELECT count(*)::int AS n FROM ingestion.raw_events').catch(() => [
    { n: 0 },
  ]);
  return rows[0]?.n ?? 0;
}

export async function killAndWait(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await exited;
}

export async function deadLetterCount(url: string): Promise<number> {
  const rows = await queryDb<{ n: number }>(url, 'SELECT count(*)::int AS n FROM ingestion.dead_letters').catch(() => [
    { n: 0 },
  ]);
  return rows[0]?.n ?? 0;
}
