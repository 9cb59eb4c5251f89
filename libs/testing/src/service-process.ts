import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { waitFor } from './wait-for';

const ROOT = join(__dirname, '..', '..', '..');

export interface ServiceProcess {
  name: string;
  port: number;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * A LoanMesh service as a real child process (as `npm run start:<name>` runs it), with its
 * log in test-results/services/<name>-<port>.log so a failing end-to-end test can be read.
 * `logFile` names another log, appended to, so a restarted process keeps its predecessor's lines.
 */
export function startServiceProcess(
  name: string,
  port: number,
  env: Record<string, string>,
  heapMiB = 512,
  logFile?: string,
): ServiceProcess {
  const logPath = logFile ?? join(ROOT, 'test-results', 'services', `${name}-${port}.log`);
  mkdirSync(dirname(logPath), { recursive: true });
  // Appended: a test that restarts a service keeps the first process's log too.
  const log = createWriteStream(logPath, { flags: 'a' });
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${heapMiB}`, join(ROOT, 'scripts/run-ts.cjs'), join(ROOT, `apps/${name}/src/main.ts`)],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, SERVICE_NAME: name, HTTP_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return {
    name,
    port,
    child,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) {
        return;
      }
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resolves when the service answers /health/ready; fails as soon as the process exits. */
export async function waitUntilReady(service: ServiceProcess, timeoutMs = 180000): Promise<void> {
  const { child } = service;
  const exitText = (): string => `${service.name} exited (${child.exitCode ?? child.signalCode}) before it was ready`;
  if (child.exitCode !== null || child.signalCode !== null) {
    throw new Error(exitText());
  }
  let onExit: (() => void) | undefined;
  const exited = new Promise<never>((_, reject) => {
    onExit = () => reject(new Error(exitText()));
    child.once('exit', onExit);
  });
  try {
    await Promise.race([
      waitFor(
        async () => {
          const res = await fetch(`http://127.0.0.1:${service.port}/health/ready`).catch(() => undefined);
          return res?.ok ? true : undefined;
        },
        timeoutMs,
        `${service.name} to be ready`,
      ),
      exited,
    ]);
  } finally {
    if (onExit) {
      child.off('exit', onExit);
    }
  }
}
