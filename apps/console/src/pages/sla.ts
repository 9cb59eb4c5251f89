import type { QueueItem } from '../api/cases.api';

export type SlaState = 'ok' | 'amber' | 'red';

/** Amber once three quarters of the SLA window are gone, red when it is over. */
export function slaState(item: Pick<QueueItem, 'createdAt' | 'slaDeadline' | 'slaBreached'>, now: number): SlaState {
  const deadline = Date.parse(item.slaDeadline);
  if (item.slaBreached || deadline <= now) {
    return 'red';
  }
  const window = deadline - Date.parse(item.createdAt);
  return window > 0 && (deadline - now) / window < 0.25 ? 'amber' : 'ok';
}

/** "1 h 05 min", "4 min 10 s", or "-3 min" once passed. */
export function countdown(deadline: string, now: number): string {
  const ms = Date.parse(deadline) - now;
  const s = Math.floor(Math.abs(ms) / 1000);
  const sign = ms < 0 ? '-' : '';
  if (s >= 3600) {
    return `${sign}${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
  }
  if (s >= 60) {
    return `${sign}${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  }
  return `${sign}${s} s`;
}
