import { percentile } from './percentile';

/** One decision in the dashboard's window, as the query reads it. */
export interface WindowDecision {
  decidedAt: Date;
  outcome: string;
  automatic: boolean;
  /** When the application was submitted (ms since epoch); absent on officers' decisions. */
  submittedAt: number | null;
  /** When the pipeline decided it (ms since epoch, the hop stamp); absent on officers' decisions. */
  decidedAtHop: number | null;
  /** Incomplete applications are referred on a timeout: parked work, not pipeline speed. */
  incomplete: boolean;
  ruleHits: string[];
}

export interface SeriesPoint {
  at: string;
  decisions: number;
  automationRate: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export interface WindowFigures {
  outcomes: { outcome: string; automatic: boolean; count: number }[];
  automationRate: number | null;
  timeToDecisionMs: { p50: number | null; p95: number | null; p99: number | null; sample: number };
  series: SeriesPoint[];
  referralsByReason: { code: string; count: number }[];
}

/**
 * Live, for the dashboard: an application submitted inside the window. Backlog and history
 * (applications submitted months or years before the pipeline decided them, as when the demo
 * loads its world) would otherwise count their age as time to decision.
 */
export function isLive(d: WindowDecision, from: number): boolean {
  return d.submittedAt === null ? !d.automatic : d.submittedAt >= from;
}

/**
 * Application event to decision event, over automatic approvals and declines: the scope of
 * the demo summary and bench/results/time-to-decision.json, so the figures agree.
 */
function latencies(ds: WindowDecision[]): number[] {
  return ds
    .filter((d) => d.automatic && d.outcome !== 'REFERRED' && !d.incomplete && d.submittedAt !== null)
    .map((d) => (d.decidedAtHop ?? 0) - (d.submittedAt ?? 0))
    .filter((v) => Number.isFinite(v) && v >= 0);
}

/** Share of automatic decisions that needed no officer; null when there were none. */
function automationRate(ds: WindowDecision[]): number | null {
  const auto = ds.filter((d) => d.automatic);
  return auto.length > 0 ? auto.filter((d) => d.outcome !== 'REFERRED').length / auto.length : null;
}

function outcomes(ds: WindowDecision[]): WindowFigures['outcomes'] {
  const counts = new Map<string, { outcome: string; automatic: boolean; count: number }>();
  ds.forEach((d) => {
    const key = `${d.outcome}:${d.automatic}`;
    const row = counts.get(key) ?? { outcome: d.outcome, automatic: d.automatic, count: 0 };
    row.count++;
    counts.set(key, row);
  });
  return [...counts.values()].sort(
    (a, b) => a.outcome.localeCompare(b.outcome) || Number(b.automatic) - Number(a.automatic),
  );
}

function referrals(ds: WindowDecision[]): WindowFigures['referralsByReason'] {
  const counts = new Map<string, number>();
  ds.filter((d) => d.automatic && d.outcome === 'REFERRED').forEach((d) =>
    (d.ruleHits.length > 0 ? d.ruleHits : ['NO_RULE_HIT']).forEach((c) => counts.set(c, (counts.get(c) ?? 0) + 1)),
  );
  return [...counts.entries()].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count);
}

/** The window's figures over live decisions only, and per bucket of `bucketMs`. */
export function windowFigures(all: WindowDecision[], from: number, to: number, bucketMs: number): WindowFigures {
  const live = all.filter((d) => isLive(d, from));
  const buckets = Math.max(1, Math.ceil((to - from) / bucketMs));
  const series: SeriesPoint[] = Array.from({ length: buckets }, (_, i) => {
    const start = from + i * bucketMs;
    const inBucket = live.filter((d) => d.decidedAt.getTime() >= start && d.decidedAt.getTime() < start + bucketMs);
    const times = latencies(inBucket);
    return {
      at: new Date(start).toISOString(),
      decisions: inBucket.length,
      automationRate: automationRate(inBucket),
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
    };
  });
  const times = latencies(live);
  return {
    outcomes: outcomes(live),
    automationRate: automationRate(live),
    timeToDecisionMs: {
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
      sample: times.length,
    },
    series,
    referralsByReason: referrals(live),
  };
}
