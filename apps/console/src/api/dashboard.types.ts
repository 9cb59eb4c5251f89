export const WINDOW_HOURS = [1, 6, 24, 168] as const;
export type WindowHours = (typeof WINDOW_HOURS)[number];

export interface SeriesPoint {
  at: string;
  decisions: number;
  automationRate: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/** GET /dashboard?hours=: live applications only (submitted inside the window). */
export interface DashboardSummary {
  window: { from: string; to: string; hours: WindowHours; bucketMinutes: number };
  outcomes: { outcome: string; automatic: boolean; count: number }[];
  automationRate: number | null;
  timeToDecisionMs: { p50: number | null; p95: number | null; p99: number | null; sample: number };
  series: SeriesPoint[];
  referralsByReason: { code: string; count: number }[];
  cases: { open: number; awaitingConfirmation: number; decided: number; slaBreached: number };
  overrides: number;
  parked:
    | { available: true; waiting: number; expired: number; expiredAnnounced: number; oldestWaitingSeconds: number }
    | { available: false };
}
