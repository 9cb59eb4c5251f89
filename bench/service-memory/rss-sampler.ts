import { readFileSync } from 'node:fs';

/** Resident memory of a process in MiB (VmRSS), or undefined when it is gone. */
export function rssMiB(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

export interface RssSummary {
  samples: number;
  medianMiB: number;
  peakMiB: number;
}

/** Median and peak of a series of samples, rounded to 0.1 MiB; zeros when there is none. */
export function summarizeRss(samples: readonly number[]): RssSummary {
  if (samples.length === 0) {
    return { samples: 0, medianMiB: 0, peakMiB: 0 };
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const round = (v: number): number => Math.round(v * 10) / 10;
  return { samples: sorted.length, medianMiB: round(median), peakMiB: round(sorted[sorted.length - 1]) };
}

/**
 * Samples the RSS of named processes every `intervalMs` until stopped. The pid is looked up
 * at each tick, so a process restarted meanwhile is followed; a tick where it is gone adds nothing.
 */
export class RssSampler {
  private readonly series = new Map<string, number[]>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly pids: () => Record<string, number | undefined>,
    private readonly intervalMs = 500,
    private readonly read: (pid: number) => number | undefined = rssMiB,
  ) {}

  start(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), this.intervalMs);
  }

  stop(): Record<string, RssSummary> {
    clearInterval(this.timer);
    this.tick();
    return Object.fromEntries([...this.series].map(([name, s]) => [name, summarizeRss(s)]));
  }

  private tick(): void {
    for (const [name, pid] of Object.entries(this.pids())) {
      const mib = pid === undefined ? undefined : this.read(pid);
      if (mib !== undefined) {
        this.series.set(name, [...(this.series.get(name) ?? []), mib]);
      }
    }
  }
}
