import type { PartyKind, RecordKind } from '../world.types';
import type { WorldBuilder } from './world-builder';

const KINDS: readonly RecordKind[] = [
  'COURT_JUDGMENT',
  'COURT_JUDGMENT',
  'TAX_ARREARS',
  'TAX_ARREARS',
  'ADMINISTRATIVE_PENALTY',
];

/** Background public records: weaker companies collect more of them; 1% of persons have one. */
export function generateBackgroundRecords(b: WorldBuilder): void {
  for (const c of b.companies) {
    if (c.duplicateOf >= 0) {
      continue;
    }
    const rate = 0.06 * Math.exp(-0.8 * c.quality) * (c.shell ? 3 : 1);
    if (b.rng.chance(Math.min(0.8, rate))) {
      const day =
        Math.max(c.regDay, b.historyStartDay - 1000) +
        b.rng.int(Math.max(1, b.nowDay - Math.max(c.regDay, b.historyStartDay - 1000)));
      addRecord(b, 'company', c.index, b.rng.pick(KINDS), day);
    }
  }
  for (const p of b.persons) {
    if (p.duplicateOf < 0 && b.rng.chance(0.01)) {
      addRecord(b, 'person', p.index, b.rng.pick(KINDS), p.firstDay + b.rng.int(Math.max(1, b.nowDay - p.firstDay)));
    }
  }
}

export function addRecord(
  b: WorldBuilder,
  subjectKind: PartyKind,
  subject: number,
  kind: RecordKind,
  day: number,
): void {
  const index = b.records.length;
  const filedDay = Math.min(day, b.nowDay - 1);
  b.records.push({
    index,
    id: `PR-${String(index + 1).padStart(6, '0')}`,
    subjectKind,
    subject,
    kind,
    amount: Math.round(b.rng.logNormal(15_000, 1)),
    filedDay,
    status: filedDay < b.nowDay - 365 && b.rng.chance(0.5) ? 'RESOLVED' : 'ACTIVE',
  });
}
