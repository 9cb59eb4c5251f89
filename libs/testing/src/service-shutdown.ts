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
  // Polls are sent every 50 ms without waiting for the previous answer: on a loaded machine
  // one answer can take longer than the whole drain, and a poll waiting for it would miss the
  // not-ready window. Answers are kept in the order the polls were sent.
  const polls: Promise<string>[] = [];
  const deadline = started + timeoutMs;
  while (!done && Date.now() < deadline) {
    polls.push(
      fetch(`http://127.0.0.1:${service.port}/health/ready`, { signal: AbortSignal.timeout(3000) }).then(
        (res) => String(res.status),
        // An answer that did not come in time is not a refused connection.
        (e: unknown) => (e instanceof Error && e.name === 'TimeoutError' ? 'timeout' : 'refused'),
      ),
    );
    await new Promise((r) => setTimeout(r, 50));
  }
  const readiness: string[] = [];
  for (const seen of await Promise.all(polls)) {
    if (readiness.at(-1) !== seen) {
      readiness.push(seen);
    }
  }
  if (!done) {
    child.kill('SIGKILL');
  }
  await exited;
  return { exitCode: child.exitCode, signal: child.signalCode, ms, readiness };
}
