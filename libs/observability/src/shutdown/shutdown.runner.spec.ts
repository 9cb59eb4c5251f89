import { GracefulShutdownService } from './graceful-shutdown.service';
import type { ShutdownPhase } from './shutdown-phase';
import { runShutdownPhases, type ShutdownLog } from './shutdown.runner';

const ENDS: Record<ShutdownPhase, number> = { 'stop-intake': 100, 'stop-work': 150, flush: 200, close: 250 };

function recordingLog(): ShutdownLog & { entries: Record<string, unknown>[] } {
  const entries: Record<string, unknown>[] = [];
  return {
    entries,
    log: (e) => entries.push({ level: 'info', ...e }),
    warn: (e) => entries.push({ level: 'warn', ...e }),
  };
}

const never = (): Promise<void> => new Promise(() => undefined);

describe(runShutdownPhases.name, () => {
  it('should stop intake, then work, then flush, then close, each after the one before has finished', async () => {
    const shutdown = new GracefulShutdownService();
    const order: string[] = [];
    const step = (name: string, ms: number) => () =>
      new Promise<void>((resolve) => setTimeout(() => (order.push(name), resolve()), ms));
    // Registered out of order, with the slower participant of a phase first.
    shutdown.register('close', 'clients', step('clients', 1));
    shutdown.register('flush', 'outbox', step('outbox', 5));
    shutdown.register('stop-intake', 'consumer', step('consumer', 20));
    shutdown.register('stop-intake', 'writer', step('writer', 1));
    shutdown.register('stop-work', 'sweeper', step('sweeper', 1));
    const log = recordingLog();

    const report = await runShutdownPhases((p) => shutdown.participantsOf(p), log, { startedAt: Date.now() });

    expect(order).toEqual(['writer', 'consumer', 'sweeper', 'outbox', 'clients']);
    expect(report).toMatchObject({ complete: true, left: [], failed: [] });
    expect(log.entries.map((e) => [e.phase, e.outcome])).toEqual([
      ['stop-intake', 'done'],
      ['stop-work', 'done'],
      ['flush', 'done'],
      ['close', 'done'],
    ]);
    expect(log.entries.every((e) => typeof e.ms === 'number')).toBe(true);
  });

  it('should leave a stuck participant behind at its phase end and still run the later phases when a dependency hangs', async () => {
    const shutdown = new GracefulShutdownService();
    const closed: string[] = [];
    shutdown.register('stop-intake', 'kafka transport', never);
    shutdown.register('flush', 'outbox relay', never);
    shutdown.register('close', 'application', () => void closed.push('application'));
    const log = recordingLog();
    const startedAt = Date.now();

    const report = await runShutdownPhases((p) => shutdown.participantsOf(p), log, { startedAt, phaseEnds: ENDS });

    expect(closed).toEqual(['application']);
    expect(report.complete).toBe(false);
    expect(report.left).toEqual([
      { phase: 'stop-intake', name: 'kafka transport' },
      { phase: 'flush', name: 'outbox relay' },
    ]);
    expect(Date.now() - startedAt).toBeLessThan(ENDS.close + 100);
    expect(log.entries.filter((e) => e.outcome === 'timed out').map((e) => e.left)).toEqual([
      ['kafka transport'],
      ['outbox relay'],
    ]);
  });

  it('should report a failed participant and go on when its stop rejects', async () => {
    const shutdown = new GracefulShutdownService();
    const ran: string[] = [];
    shutdown.register('flush', 'outbox relay', () => Promise.reject(new Error('connection refused')));
    shutdown.register('close', 'application', () => void ran.push('close'));
    const log = recordingLog();

    const report = await runShutdownPhases((p) => shutdown.participantsOf(p), log, {
      startedAt: Date.now(),
      phaseEnds: ENDS,
    });

    expect(ran).toEqual(['close']);
    expect(report.complete).toBe(false);
    expect(report.failed).toEqual([{ phase: 'flush', name: 'outbox relay', error: 'connection refused' }]);
  });
});
