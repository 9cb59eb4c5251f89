import type { GracefulShutdownService } from './graceful-shutdown.service';
import { SHUTDOWN_HARD_LIMIT_MS, SHUTDOWN_READINESS_HOLD_MS, type ShutdownPhase } from './shutdown-phase';
import { runShutdownPhases, type ShutdownLog, type ShutdownRunOptions } from './shutdown.runner';

export interface ShutdownSignalOptions {
  shutdown: GracefulShutdownService;
  log: ShutdownLog;
  /** Injected by tests; the process's exit otherwise. */
  exit?: (code: number) => void;
  signals?: readonly NodeJS.Signals[];
  hardLimitMs?: number;
  /** Readiness false, still serving, before the first phase (SHUTDOWN_READINESS_HOLD_MS). */
  readinessHoldMs?: number;
  phaseEnds?: ShutdownRunOptions['phaseEnds'];
}

/**
 * On the first SIGTERM or SIGINT: readiness false at once, held for a moment while the service
 * still serves, then the shutdown phases, then
 * exit 0 (1 when something was left behind or failed: at-least-once delivery redelivers
 * it). A later signal during the drain is logged and ignored, so it cannot cut a phase
 * short. Past the hard limit the process exits whatever still runs, naming the phase.
 * Returns a function that removes the listeners (when the app is closed by other means).
 */
export function handleShutdownSignals(o: ShutdownSignalOptions): () => void {
  const exit = o.exit ?? ((code: number) => process.exit(code));
  const signals = o.signals ?? ['SIGTERM', 'SIGINT'];
  let phase: ShutdownPhase | 'readiness' | undefined;

  const onSignal = (signal: NodeJS.Signals): void => {
    if (phase !== undefined) {
      o.log.warn({ msg: 'shutdown already in progress; signal ignored', signal, phase });
      return;
    }
    phase = 'readiness';
    const startedAt = Date.now();
    o.shutdown.beginDrain(startedAt);
    o.log.log({ msg: 'shutdown started', signal, phase: 'readiness', ready: false });
    const hardLimit = setTimeout(() => {
      o.log.warn({ msg: 'shutdown hard limit reached; exiting', phase, ms: Date.now() - startedAt });
      exit(1);
    }, o.hardLimitMs ?? SHUTDOWN_HARD_LIMIT_MS);
    const hold = new Promise<void>((resolve) => setTimeout(resolve, o.readinessHoldMs ?? SHUTDOWN_READINESS_HOLD_MS));
    void hold
      .then(() =>
        runShutdownPhases((p) => o.shutdown.participantsOf(p), o.log, {
          startedAt,
          phaseEnds: o.phaseEnds,
          onPhase: (p) => (phase = p),
        }),
      )
      .then((report) => {
        clearTimeout(hardLimit);
        const entry = { msg: 'shutdown finished', ms: report.ms, left: report.left, failed: report.failed };
        if (report.complete) {
          o.log.log(entry);
        } else {
          o.log.warn({ ...entry, note: 'left work is redelivered or republished by the next instance' });
        }
        exit(report.complete ? 0 : 1);
      });
  };

  signals.forEach((s) => process.on(s, onSignal));
  return () => {
    if (phase === undefined) {
      signals.forEach((s) => process.removeListener(s, onSignal));
    }
  };
}
