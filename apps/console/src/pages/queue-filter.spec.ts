import { emptyFilter, PAGE_SIZE, toQuery } from './queue-filter';
import { countdown, slaState } from './sla';

const NOW = Date.parse('2026-12-01T12:00:00Z');

describe('toQuery', () => {
  it('should leave out the empty choices and send the search as q when the officer filters', () => {
    expect(toQuery({ ...emptyFilter, grade: 'C', search: '  acme ', page: 2 })).toEqual({
      grade: 'C',
      q: 'acme',
      sort: 'priority',
      page: 2,
      pageSize: PAGE_SIZE,
    });
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
