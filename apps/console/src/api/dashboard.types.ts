export interface DashboardSummary {
  outcomes: { outcome: string; automatic: boolean; count: number }[];
  automationRate: number | null;
  timeToDecisionMs: { p50: number | null; p95: number | null; p99: number | null; sample: number };
  hourly: { hour: string; count: number }[];
  cases: { open: number; awaitingConfirmation: number; decided: number; slaBreached: number };
  overrides: number;
  parked:
    | { available: true; waiting: number; expired: number; expiredAnnounced: number; oldestWaitingSeconds: number }
    | { available: false };
}
