import { benchMetric, type BenchMetric } from '../bench-result';
import type { ScenarioResult } from './scenario-runner';

const metric = benchMetric;
/** A figure reported for reading, not judged (target 0, higher: always met). */
const info = (value: number, unit: string): BenchMetric => metric(value, unit, 0, 'higher');

/** Per-scenario metrics `<scenario>.<figure>` for bench/results/chaos.json (format in TARGETS.md). */
export function chaosMetrics(results: readonly ScenarioResult[], rate: number): Record<string, BenchMetric> {
  const metrics: Record<string, BenchMetric> = {};
  for (const r of results) {
    const f = r.figures;
    const m: Record<string, BenchMetric> = {
      sent: metric(f.sent, 'applications', Math.round(rate * r.streamSeconds), 'higher'),
      decided: info(f.decided, 'applications'),
      referred: info(f.referred, 'applications'),
      degraded: info(f.degraded, 'applications'),
      lost: metric(f.lost, 'applications', 0, 'lower'),
      decidedTwice: metric(f.decidedTwice, 'applications', 0, 'lower'),
      decidedTwiceOnTopic: metric(f.decidedTwiceOnTopic, 'applications', 0, 'lower'),
      deadLettered: metric(f.deadLettered, 'applications', 0, 'lower'),
      recoverySeconds: metric(f.recovery.seconds, 's', 30, 'lower'),
      recovered: metric(f.recovery.recovered ? 1 : 0, 'boolean', 1, 'higher'),
      decisionGapSeconds: metric(f.decisionGapSeconds, 's', 30, 'lower'),
      timeToDecisionP99Ms: metric(f.p99Ms, 'ms', 1000, 'lower'),
      unplannedExits: metric(r.unplannedExits.length, 'exits', 0, 'lower'),
    };
    for (const [k, v] of Object.entries(m)) {
      metrics[`${r.scenario}.${k}`] = v;
    }
  }
  return metrics;
}

const pad = (s: string | number, n: number): string => String(s).padStart(n);

/** The human-readable table printed at the end of `npm run chaos`. */
export function chaosTable(results: readonly ScenarioResult[]): string {
  const head = `${'scenario'.padEnd(14)}${pad('sent', 7)}${pad('auto', 7)}${pad('refer', 7)}${pad('degr', 7)}${pad('lost', 7)}${pad('twice', 7)}${pad('dlq', 5)}${pad('recovery', 10)}${pad('gap', 7)}${pad('p99 ms', 9)}${pad('exits', 6)}`;
  const rows = results.map((r) => {
    const f = r.figures;
    const recovery = f.recovery.recovered ? `${f.recovery.seconds} s` : `>${f.recovery.seconds} s`;
    const twice =
      f.decidedTwice === f.decidedTwiceOnTopic ? `${f.decidedTwice}` : `${f.decidedTwice}/${f.decidedTwiceOnTopic}`;
    return `${r.scenario.padEnd(14)}${pad(f.sent, 7)}${pad(f.decided, 7)}${pad(f.referred, 7)}${pad(f.degraded, 7)}${pad(f.lost, 7)}${pad(twice, 7)}${pad(f.deadLettered, 5)}${pad(recovery, 10)}${pad(`${f.decisionGapSeconds} s`, 7)}${pad(f.p99Ms, 9)}${pad(r.unplannedExits.length, 6)}`;
  });
  return [
    head,
    '-'.repeat(head.length),
    ...rows,
    '',
    'auto: approved/declined automatically; refer: referred incl. degraded; lost: sent, never decided nor dead-lettered;',
    'twice: applications with two decisions (review.decisions / decision topic when they differ); recovery: fault end to',
    'the first 5 s in which 95% of applications were decided within 1 s, not degraded (">" = not recovered while streaming);',
    'gap: longest time without a decision from the fault on; exits: services that died on their own (restarted).',
  ].join('\n');
}

/** What went wrong in a scenario, in words, for the log and the report. */
export function scenarioNotes(r: ScenarioResult): string[] {
  const f = r.figures;
  const notes = [...r.window.notes];
  if (!r.feed.ok) {
    notes.push(`feed: ${r.feed.error}`);
  }
  if (f.lost > 0) {
    notes.push(
      `lost ${f.lost} (parked ${f.parked}, in flight ${f.inFlight}; received ${f.received} of ${f.sent}): ${f.lostIds.slice(0, 5).join(', ')}`,
    );
  }
  for (const e of r.unplannedExits) {
    notes.push(
      `${e.service} exited on its own at +${((e.at - r.window.start) / 1000).toFixed(1)} s (code ${e.code}, signal ${e.signal})`,
    );
  }
  if (f.redeliveredDecisionEvents > 0) {
    notes.push(`${f.redeliveredDecisionEvents} decision events published again (same event id)`);
  }
  if (f.deadLetterRecords > 0) {
    notes.push(`${f.deadLetterRecords} dead-letter records`);
  }
  return notes;
}
