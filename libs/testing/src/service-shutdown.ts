import type { ServiceProcess } from './service-process';

export interface ShutdownObservation {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** From the signal to the exit. */
  ms: number;
  /** What /health/ready answered while the process drained, in order (HTTP status, `timeout` or `refused`). */
  readiness: string[];
}

/**
 * Sends SIGTERM to a service and polls its readiness until it exits, so a test can check
 * that readiness went false before the exit and how long the drain took. After
 * `timeoutMs` the process is killed (and the observation says so: signal SIGKILL).
 */
export async function terminateAndObserve(service: ServiceProcess, timeoutMs = 15000): Promise<ShutdownObservation> {
  const { child } = service;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = Date.now();
  let done = false;
  let ms = 0;
  void exited.then(() => {
    done = true;
    ms = Date.now() - started;
  });
  child.kill('SIGTERM');
  const readiness: string[] = [];
  const deadline = started + timeoutMs;
  while (!done && Date.now() < deadline) {
    // A loaded machine can take longer than a short timeout to answer a draining service:
    // an answer that did not come in time is not a refused connection.
    const seen = await fetch(`http://127.0.0.1:${service.port}/health/ready`, {
      signal: AbortSignal.timeout(3000),
    }).then(
      (res) => String(res.status),
      (e: unknown) => (e instanceof Error && e.name === 'TimeoutError' ? 'timeout' : 'refused'),
    );
    if (readiness.at(-1) !== seen) {
      readiness.push(seen);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  if (!done) {
    child.kill('SIGKILL');
  }
  await exited;
  return { exitCode: child.exitCode, signal: child.signalCode, ms, readiness };
}
