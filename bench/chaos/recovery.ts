/** One application of a scenario's stream and how (whether) it was first decided. */
export interface ApplicationOutcome {
  submittedAt: number;
  decidedAt?: number;
  degraded: boolean;
}

export interface RecoveryCriteria {
  /** An application counts as served normally when decided, not degraded, within this (ms). */
  latencyMs: number;
  /** Share of a second's applications that must be served normally for the second to be healthy. */
  healthyShare: number;
  /** Consecutive healthy seconds that mark the pipeline recovered. */
  healthySeconds: number;
}

export const DEFAULT_RECOVERY: RecoveryCriteria = { latencyMs: 1000, healthyShare: 0.95, healthySeconds: 5 };

export interface Recovery {
  /** Seconds from the fault's end to the start of the first healthy stretch; the observed span when none came. */
  seconds: number;
  recovered: boolean;
}

/**
 * Recovery time: applications are grouped by the second (after the fault's end) in which they
 * were submitted; a second is healthy when at least `healthyShare` of its applications were
 * decided within `latencyMs` and not degraded. The pipeline has recovered at the start of the
 * first `healthySeconds` consecutive healthy seconds. A lost application is never served
 * normally, so its second is unhealthy. When the stream ends first (or leaves fewer seconds
 * than `healthySeconds`, all of which must then be healthy), `recovered` is false.
 */
export function recoveryAfter(
  apps: readonly ApplicationOutcome[],
  faultEnd: number,
  criteria: RecoveryCriteria = DEFAULT_RECOVERY,
): Recovery {
  const after = apps.filter((a) => a.submittedAt >= faultEnd);
  if (after.length === 0) {
    return { seconds: 0, recovered: false };
  }
  const seconds = Math.floor((Math.max(...after.map((a) => a.submittedAt)) - faultEnd) / 1000) + 1;
  const total = new Array<number>(seconds).fill(0);
  const ok = new Array<number>(seconds).fill(0);
  for (const a of after) {
    const k = Math.floor((a.submittedAt - faultEnd) / 1000);
    total[k] += 1;
    if (!a.degraded && a.decidedAt !== undefined && a.decidedAt - a.submittedAt <= criteria.latencyMs) {
      ok[k] += 1;
    }
  }
  const healthy = total.map((n, k) => n > 0 && ok[k] / n >= criteria.healthyShare);
  for (let k = 0; k < seconds; k++) {
    const stretch = healthy.slice(k, k + criteria.healthySeconds);
    // A stretch shorter than healthySeconds counts only when it is the whole span after the fault.
    const longEnough = stretch.length === criteria.healthySeconds || (k === 0 && stretch.length === seconds);
    if (longEnough && stretch.every(Boolean)) {
      return { seconds: k, recovered: true };
    }
  }
  return { seconds, recovered: false };
}

/**
 * The longest time (s) in which no application of the run was decided, from the fault's start
 * to the last decision: how long decisions stopped flowing (a restart's boot time, a stalled
 * database), readable even on a machine too loaded for the 1 s criterion of `recoveryAfter`.
 * No decision after the fault's start: the time from it to `observedUntil`.
 */
export function longestDecisionGap(decidedAt: readonly number[], faultStart: number, observedUntil: number): number {
  const after = decidedAt.filter((t) => t >= faultStart).sort((a, b) => a - b);
  if (after.length === 0) {
    return Math.round((observedUntil - faultStart) / 100) / 10;
  }
  let gap = after[0] - faultStart;
  for (let i = 1; i < after.length; i++) {
    gap = Math.max(gap, after[i] - after[i - 1]);
  }
  return Math.round(gap / 100) / 10;
}
