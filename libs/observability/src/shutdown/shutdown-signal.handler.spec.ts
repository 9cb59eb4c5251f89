import { waitFor } from '@loanmesh/testing';

import { GracefulShutdownService } from './graceful-shutdown.service';
import { handleShutdownSignals } from './shutdown-signal.handler';
import type { ShutdownLog } from './shutdown.runner';

const SIGNAL: NodeJS.Signals = 'SIGUSR2';

function setup(hardLimitMs?: number, readinessHoldMs = 0) {
  const phaseEnds = { 'stop-intake': 100, 'stop-work': 150, flush: 200, close: 250 };
  const shutdown = new GracefulShutdownService();
  const entries: Record<string, unknown>[] = [];
  const log: ShutdownLog = { log: (e) => entries.push(e), warn: (e) => entries.push({ warn: true, ...e }) };
  const exits: number[] = [];
  const detach = handleShutdownSignals({
    shutdown,
    log,
    exit: (c) => exits.push(c),
    signals: [SIGNAL],
    hardLimitMs,
    readinessHoldMs,
    phaseEnds,
  });
  return { shutdown, entries, exits, detach };
}

describe(handleShutdownSignals.name, () => {
  it('should turn readiness false at once and exit 0 once every phase has finished', async () => {
    const { shutdown, exits, entries } = setup();
    let releaseIntake!: () => void;
    const intakeStopping = new Promise<void>((stopping) =>
      shutdown.register('stop-intake', 'consumer', () => {
        stopping();
        return new Promise<void>((r) => (releaseIntake = r));
      }),
    );

    process.emit(SIGNAL, SIGNAL);

    expect(shutdown.draining).toBe(true);
    await intakeStopping;
    expect(exits).toEqual([]);
    releaseIntake();
    await waitFor(() => (exits.length > 0 ? true : undefined), 2000, 'exit');
    expect(exits).toEqual([0]);
    expect(entries.at(-1)).toMatchObject({ msg: 'shutdown finished', left: [], failed: [] });
  });

  it('should keep serving with readiness false for the hold before any phase starts', async () => {
    const { shutdown, exits } = setup(undefined, 150);
    const started: number[] = [];
    shutdown.register('stop-intake', 'consumer', () => void started.push(Date.now()));
    const signalled = Date.now();

    process.emit(SIGNAL, SIGNAL);

    expect(shutdown.draining).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(started).toEqual([]);
    await waitFor(() => (exits.length > 0 ? true : undefined), 2000, 'exit');
    expect(started[0] - signalled).toBeGreaterThanOrEqual(140);
    expect(exits).toEqual([0]);
  });

  it('should ignore a second signal during the drain and exit once when signalled twice', async () => {
    const { shutdown, exits, entries } = setup();
    const stops: string[] = [];
    let releaseFlush!: () => void;
    shutdown.register('flush', 'outbox', () => new Promise<void>((r) => (stops.push('outbox'), (releaseFlush = r))));

    process.emit(SIGNAL, SIGNAL);
    await waitFor(() => (stops.length > 0 ? true : undefined), 2000, 'flush to start');
    process.emit(SIGNAL, SIGNAL);
    releaseFlush();
    await waitFor(() => (exits.length > 0 ? true : undefined), 2000, 'exit');

    expect(stops).toEqual(['outbox']);
    expect(exits).toEqual([0]);
    expect(entries).toContainEqual(
      expect.objectContaining({ msg: 'shutdown already in progress; signal ignored', phase: 'flush' }),
    );
  });

  it('should exit 1 naming the phase when the hard limit passes', async () => {
    const { shutdown, exits, entries } = setup(50);
    shutdown.register('stop-intake', 'kafka transport', () => new Promise<void>(() => undefined));

    process.emit(SIGNAL, SIGNAL);
    await waitFor(() => (exits.length > 0 ? true : undefined), 2000, 'exit');

    // The phases go on until their ends; the process would be gone by then.
    await waitFor(() => (exits.length > 1 ? true : undefined), 2000, 'the phases to end');
    expect(exits[0]).toBe(1);
    expect(entries).toContainEqual(
      expect.objectContaining({ msg: 'shutdown hard limit reached; exiting', phase: 'stop-intake' }),
    );
  });

  afterEach(() => {
    process.removeAllListeners(SIGNAL);
  });
});
