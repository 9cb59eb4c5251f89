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
  // One probe every 20 ms, each on its own: a probe the service accepted just before it
  // handled the signal can take a while to answer 200 (its health checks wait on a busy pool),
  // and waiting for it before the next probe would miss a drain shorter than that answer.
  const probes: Promise<string>[] = [];
  const deadline = started + timeoutMs;
  while (!done && Date.now() < deadline) {
    // A loaded machine can take longer than a short timeout to answer a draining service:
    // an answer that did not come in time is not a refused connection.
    probes.push(
      fetch(`http://127.0.0.1:${service.port}/health/ready`, { signal: AbortSignal.timeout(3000) }).then(
        (res) => String(res.status),
        (e: unknown) => (e instanceof Error && e.name === 'TimeoutError' ? 'timeout' : 'refused'),
      ),
    );
    await new Promise((r) => setTimeout(r, 20));
  }
  // In the order the probes were sent, repeats folded: what readiness said, as time went on.
  const readiness = (await Promise.all(probes)).filter((seen, i, all) => i === 0 || all[i - 1] !== seen);
  if (!done) {
    child.kill('SIGKILL');
  }
  await exited;
  return { exitCode: child.exitCode, signal: child.signalCode, ms, readiness };
}
