import { Topics } from '@loanmesh/contracts';

import type { BenchMetric } from '../bench-result';
import type { FuzzRunResult } from './fuzz-run';

const ALIAS = new Map<string, string>(Object.entries(Topics).map(([alias, topic]) => [topic, alias]));

/** Records sent and accounted per second: the whole run, sending to balanced books (or to the stall). */
export function recordsPerSecond(r: FuzzRunResult): number {
  const accounted = r.books.reduce((s, b) => s + b.sent - Math.max(0, b.unaccounted), 0);
  return Math.round(accounted / Math.max(r.settleSeconds, 0.001));
}

/** Consumer stops: a service process that exited, plus every KafkaJS consumer crash in the logs. */
export function consumerStops(r: FuzzRunResult): number {
  return r.health.reduce((s, h) => s + (h.exited ? 1 : 0) + h.consumerCrashes, 0);
}

/** The figures in the shared benchmark format (TARGETS.md): per consumer, then the run's. */
export function fuzzMetrics(r: FuzzRunResult): Record<string, BenchMetric> {
  const metrics: Record<string, BenchMetric> = {};
  const count = (value: number, target: number, better: BenchMetric['better'] = 'lower'): BenchMetric => ({
    value,
    unit: 'records',
    target,
    better,
  });
  for (const b of r.books) {
    const k = `${b.service}.${ALIAS.get(b.topic) ?? b.topic}`;
    metrics[`${k}.sent`] = count(b.sent, 0, 'higher');
    metrics[`${k}.stored`] = count(b.stored, 0, 'higher');
    metrics[`${k}.duplicates`] = count(b.duplicates, 0, 'higher');
    metrics[`${k}.deadLettered`] = count(b.deadLettered, 0, 'higher');
    if (b.passedOver > 0) {
      metrics[`${k}.passedOver`] = count(b.passedOver, 0, 'higher');
    }
    metrics[`${k}.unaccounted`] = count(b.unaccounted, 0);
  }
  metrics.coreBankingRecordsSent = count(
    r.books.find((b) => b.topic === Topics.coreBankingEvents)?.sent ?? 0,
    20_000,
    'higher',
  );
  metrics.unaccounted = count(
    r.books.reduce((s, b) => s + Math.abs(b.unaccounted), 0),
    0,
  );
  metrics.consumerStops = { value: consumerStops(r), unit: 'stops', target: 0, better: 'lower' };
  metrics.consumerRestarts = {
    value: r.health.reduce((s, h) => s + h.consumerRestarts, 0),
    unit: 'restarts',
    target: 0,
    better: 'lower',
  };
  metrics.remainingLag = count(
    r.lags.reduce((s, l) => s + l.lag, 0),
    0,
  );
  metrics.canaryStuckPartitions = {
    value: r.canaries.reduce((s, c) => s + c.stuckPartitions.length, 0),
    unit: 'partitions',
    target: 0,
    better: 'lower',
  };
  metrics.recordsPerSecond = { value: recordsPerSecond(r), unit: 'records/s', target: 5000, better: 'higher' };
  return metrics;
}

function pad(cells: (string | number)[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
}

/** The run as text tables: books per consumer, health per service, canaries, and the core-banking mutators. */
export function formatReport(r: FuzzRunResult): string {
  const w = [48, 7, 7, 7, 7, 7, 7, 6];
  const lag = new Map(r.lags.map((l) => [`${l.service} ${l.topic}`, l.lag]));
  const lines = [
    `seed ${r.seed}; ${r.settled ? 'books balanced' : 'books did NOT balance (stalled or timed out)'} after ${r.settleSeconds.toFixed(1)} s; ${r.refusedByBroker} records refused by the broker (not sent)`,
    '',
    pad(['consumer / topic', 'sent', 'stored', 'dups', 'dead', 'passed', 'UNACC', 'lag'], w),
    ...r.books.map((b) =>
      pad(
        [
          `${b.service} ${b.topic}`,
          b.sent,
          b.stored,
          b.duplicates,
          b.deadLettered,
          b.passedOver,
          b.unaccounted,
          lag.get(`${b.service} ${b.topic}`) ?? '?',
        ],
        w,
      ),
    ),
    '',
    pad(['service', 'live-fail', 'live-slow', 'exited', 'crashes', 'restarts', 'retried'], [12, 10, 10, 14, 8, 9, 8]),
    ...r.health.map((h) =>
      pad(
        [
          h.service,
          h.liveFailures,
          h.liveUnanswered,
          h.exited ?? 'no',
          h.consumerCrashes,
          h.consumerRestarts,
          h.retriedRecords,
        ],
        [12, 10, 10, 14, 8, 9, 8],
      ),
    ),
    '',
    'canaries (one valid record per partition after the fuzz):',
    ...r.canaries.map(
      (c) =>
        `  ${c.service} ${c.topic}: ${c.processed}/${c.sent}${c.stuckPartitions.length ? ` STUCK partitions ${c.stuckPartitions.join(',')}` : ''}`,
    ),
    '',
    'core-banking records by mutator: expected by the contract -> actual',
    ...r.byMutator.map(
      (t) =>
        `  ${t.mutator.padEnd(24)} ${String(t.sent).padStart(6)}  ${JSON.stringify(t.expected)} -> ${JSON.stringify(t.actual)}`,
    ),
    `records/s ${recordsPerSecond(r)}; consumer stops ${consumerStops(r)}`,
  ];
  return lines.join('\n');
}
