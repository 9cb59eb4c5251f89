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
 * How a service is launched: from the TypeScript sources (as `npm run start:<name>` runs it)
 * or from a release folder laid out by scripts/release.sh (compiled, production dependencies
 * only, as the image runs it).
 */
export type ServiceLaunch = { kind: 'sources' } | { kind: 'release'; dir: string };

function commandOf(name: string, launch: ServiceLaunch): { args: string[]; cwd: string } {
  if (launch.kind === 'release') {
    return { args: [join(launch.dir, 'dist', 'apps', name, 'src', 'main.js')], cwd: launch.dir };
  }
  return { args: [join(ROOT, 'scripts/run-ts.cjs'), join(ROOT, `apps/${name}/src/main.ts`)], cwd: ROOT };
}

/**
 * A LoanMesh service as a real child process, with its log in
 * test-results/services/<name>-<port>.log so a failing end-to-end test can be read.
 * `logFile` names another log, appended to, so a restarted process keeps its predecessor's lines.
 */
export function startServiceProcess(
  name: string,
  port: number,
  env: Record<string, string>,
  heapMiB = 512,
  logFile?: string,
  launch: ServiceLaunch = { kind: 'sources' },
): ServiceProcess {
  const logPath = logFile ?? join(ROOT, 'test-results', 'services', `${name}-${port}.log`);
  mkdirSync(dirname(logPath), { recursive: true });
  // Appended: a test that restarts a service keeps the first process's log too.
  const log = createWriteStream(logPath, { flags: 'a' });
  const command = commandOf(name, launch);
  const child = spawn(process.execPath, [`--max-old-space-size=${heapMiB}`, ...command.args], {
    cwd: command.cwd,
    env: { ...process.env, ...env, SERVICE_NAME: name, HTTP_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
