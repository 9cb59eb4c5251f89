import {
  SHUTDOWN_PHASE_ENDS_MS,
  SHUTDOWN_PHASES,
  type ShutdownParticipant,
  type ShutdownPhase,
} from './shutdown-phase';

/** Where the phases report: one line per phase, with its duration and outcome. */
export interface ShutdownLog {
  log(entry: Record<string, unknown>): void;
  warn(entry: Record<string, unknown>): void;
}

export interface ShutdownReport {
  /** Every participant stopped in its phase's time, none failed. */
  complete: boolean;
  /** Still running when their phase's time ran out. */
  left: { phase: ShutdownPhase; name: string }[];
  failed: { phase: ShutdownPhase; name: string; error: string }[];
  ms: number;
}

export interface ShutdownRunOptions {
  /** When the signal came (ms, same clock as `now`). */
  startedAt: number;
  phaseEnds?: Readonly<Record<ShutdownPhase, number>>;
  now?: () => number;
  /** Told which phase is running, so a second signal or the hard limit can say so. */
  onPhase?: (phase: ShutdownPhase) => void;
}

/**
 * Runs the shutdown phases in order; the participants of one phase run together. A phase
 * has until its end (SHUTDOWN_PHASE_ENDS_MS after the signal): past it, what still runs is
 * reported as left behind and the next phase starts. Never rejects.
 */
export async function runShutdownPhases(
  participantsOf: (phase: ShutdownPhase) => readonly ShutdownParticipant[],
  log: ShutdownLog,
  options: ShutdownRunOptions,
): Promise<ShutdownReport> {
  const now = options.now ?? Date.now;
  const ends = options.phaseEnds ?? SHUTDOWN_PHASE_ENDS_MS;
  const report: ShutdownReport = { complete: true, left: [], failed: [], ms: 0 };
  for (const phase of SHUTDOWN_PHASES) {
    options.onPhase?.(phase);
    const participants = participantsOf(phase);
    const started = now();
    const pending = new Set(participants);
    const runs = participants.map(async (p) => {
      try {
        await p.stop();
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        report.failed.push({ phase, name: p.name, error });
        log.warn({ msg: 'shutdown step failed', phase, step: p.name, error });
      } finally {
        pending.delete(p);
      }
    });
    const finished = await within(Promise.all(runs), options.startedAt + ends[phase] - now());
    const entry = { msg: 'shutdown phase', phase, ms: now() - started, steps: participants.map((p) => p.name) };
    if (finished) {
      log.log({ ...entry, outcome: 'done' });
    } else {
      const left = [...pending].map((p) => p.name);
      report.left.push(...left.map((name) => ({ phase, name })));
      log.warn({ ...entry, outcome: 'timed out', left });
    }
  }
  report.ms = now() - options.startedAt;
  report.complete = report.left.length === 0 && report.failed.length === 0;
  return report;
}

/** True when `work` settles within `ms`; false when the time runs out first. */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, ms));
  });
  try {
    return await Promise.race([work.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
