import type { QueueItem } from '../api/cases.api';
import { applyFilter, emptyFilter } from './queue-filter';
import { countdown, slaState } from './sla';

const NOW = Date.parse('2026-12-01T12:00:00Z');

function item(o: Partial<QueueItem>): QueueItem {
  return {
    id: o.applicationId ?? 'x',
    applicationId: 'app-1',
    companyId: 'co-1',
    status: 'OPEN',
    assignee: null,
    amount: 1000,
    probabilityOfDefault: 0.1,
    riskGrade: 'C',
    expectedLoss: 100,
    priority: 1,
    slaDeadline: new Date(NOW + 3_600_000).toISOString(),
    slaBreached: false,
    fourEyesRequired: false,
    ruleHits: [],
    createdAt: new Date(NOW - 3_600_000).toISOString(),
    ...o,
  };
}

describe('applyFilter', () => {
  it('should filter by grade and search, and sort by priority', () => {
    const items = [
      item({ applicationId: 'a', riskGrade: 'C', priority: 1 }),
      item({ applicationId: 'b', riskGrade: 'C', priority: 5 }),
      item({ applicationId: 'c', riskGrade: 'E', priority: 9 }),
    ];
    expect(applyFilter(items, { ...emptyFilter, grade: 'C' }, NOW).rows.map((r) => r.applicationId)).toEqual([
      'b',
      'a',
    ]);
    expect(applyFilter(items, { ...emptyFilter, search: 'B' }, NOW).total).toBe(1);
  });
});

describe('slaState', () => {
  it('should turn amber in the last quarter of the window and red once it is over', () => {
    const created = new Date(NOW - 3_600_000).toISOString();
    expect(
      slaState({ createdAt: created, slaDeadline: new Date(NOW + 3_600_000).toISOString(), slaBreached: false }, NOW),
    ).toBe('ok');
    expect(
      slaState({ createdAt: created, slaDeadline: new Date(NOW + 600_000).toISOString(), slaBreached: false }, NOW),
    ).toBe('amber');
    expect(
      slaState({ createdAt: created, slaDeadline: new Date(NOW - 1000).toISOString(), slaBreached: false }, NOW),
    ).toBe('red');
    expect(countdown(new Date(NOW + 65_000).toISOString(), NOW)).toBe('1 min 05 s');
  });
});
