import type { EntityCounts } from '@loanmesh/world';

import type { FaultReport } from '../faults/fault-injector';

export interface PhaseSummary {
  events: number;
  records: number;
  seconds: number;
  eventsPerSecond: number;
}

/** What a run did; printed at the end and written as JSON. */
export interface FeedSummary {
  seed: number;
  scale: number;
  mode: 'kafka' | 'files';
  generateSeconds: number;
  entities: EntityCounts;
  backlog: PhaseSummary;
  live: PhaseSummary;
  eventsByType: Record<string, number>;
  history?: { rows: Record<string, number>; defaults: Record<string, number> };
  faults?: FaultReport;
}

export function phase(events: number, records: number, startedAt: number): PhaseSummary {
  const seconds = Math.max(1e-3, (performance.now() - startedAt) / 1000);
  return {
    events,
    records,
    seconds: Math.round(seconds * 1000) / 1000,
    eventsPerSecond: Math.round(records / seconds),
  };
}

export function formatSummary(s: FeedSummary): string {
  const lines = [
    `world: seed ${s.seed}, scale ${s.scale}, ${s.entities.total} entity nodes, generated in ${s.generateSeconds}s`,
    `backlog: ${s.backlog.records} records in ${s.backlog.seconds}s (${s.backlog.eventsPerSecond} events/s)`,
    `live: ${s.live.records} applications in ${s.live.seconds}s (${s.live.eventsPerSecond}/s)`,
    'events by type:',
    ...Object.entries(s.eventsByType).map(([type, n]) => `  ${type.padEnd(28)} ${n}`),
  ];
  if (s.faults) {
    const f = s.faults;
    lines.push(
      `faults (share ${f.share}): malformed ${JSON.stringify(f.malformed)}, duplicated ${f.duplicated}, out-of-order ${f.outOfOrder}, late ${f.late}`,
    );
  }
  if (s.history) {
    lines.push(`history rows: ${JSON.stringify(s.history.rows)}, defaults: ${JSON.stringify(s.history.defaults)}`);
  }
  return lines.join('\n');
}
