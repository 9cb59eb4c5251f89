export type DriftGranularity = 'day' | 'month';

/** A UTC calendar period: [start, end). `key` is its first day, YYYY-MM-DD. */
export interface DriftPeriod {
  key: string;
  start: Date;
  end: Date;
}

/** The `count` periods ending with the one holding `now`, oldest first. */
export function periodsEndingAt(now: Date, granularity: DriftGranularity, count: number): DriftPeriod[] {
  const periods: DriftPeriod[] = [];
  for (let back = count - 1; back >= 0; back--) {
    periods.push(periodOf(now, granularity, back));
  }
  return periods;
}

/** The period holding `at`, or the one `back` periods before it. */
export function periodOf(at: Date, granularity: DriftGranularity, back = 0): DriftPeriod {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  const start =
    granularity === 'day' ? new Date(Date.UTC(y, m, at.getUTCDate() - back)) : new Date(Date.UTC(y, m - back, 1));
  const end =
    granularity === 'day'
      ? new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + 1))
      : new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  return { key: start.toISOString().slice(0, 10), start, end };
}
