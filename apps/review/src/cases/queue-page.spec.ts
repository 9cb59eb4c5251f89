import { pageQueue, type QueueItem, type QueueQuery, queueQuerySchema, slaStateOf } from './queue-page';

const NOW = new Date('2026-12-03T12:00:00Z');
const minutes = (m: number): Date => new Date(NOW.getTime() + m * 60_000);

function item(overrides: Partial<QueueItem> = {}): QueueItem {
  return {
    id: 'c1',
    applicationId: 'APP-1',
    companyId: 'CO-1',
    companyName: 'Acme Trading',
    status: 'OPEN',
    assignee: null,
    amount: 100_000,
    probabilityOfDefault: 0.05,
    riskGrade: 'C',
    expectedLoss: 5_000,
    priority: 5_000,
    slaDeadline: minutes(60),
    slaBreached: false,
    fourEyesRequired: false,
    ruleHits: [],
    createdAt: minutes(-60),
    ...overrides,
  };
}

const query = (overrides: Partial<QueueQuery> = {}): QueueQuery => ({ ...queueQuerySchema.parse({}), ...overrides });

describe(pageQueue.name, () => {
  const items = [
    item({ id: 'a', priority: 30, amount: 10, riskGrade: 'A', ruleHits: ['R1'] }),
    item({ id: 'b', priority: 20, amount: 30, riskGrade: null, assignee: 'officer1', companyName: 'Blue Ltd' }),
    item({ id: 'c', priority: 10, amount: 20, slaDeadline: minutes(-1), ruleHits: ['R1', 'R2'] }),
  ];
  const ids = (q: Partial<QueueQuery>): string[] => pageQueue(items, query(q), NOW).items.map((c) => c.id);

  it('should keep the priority order and default to 25 a page when no query is given', () => {
    const page = pageQueue(items, query(), NOW);
    expect(page.items.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(page).toMatchObject({ total: 3, queued: 3, page: 0, pageSize: 25 });
  });

  it('should filter by grade, rule hit, assignee and SLA state when they are given', () => {
    expect(ids({ grade: 'not scored' })).toEqual(['b']);
    expect(ids({ ruleHit: 'R1' })).toEqual(['a', 'c']);
    expect(ids({ assignee: '—' })).toEqual(['a', 'c']);
    expect(ids({ sla: 'red' })).toEqual(['c']);
  });

  it('should search the company name case-insensitively when q is given', () => {
    expect(ids({ q: 'blue' })).toEqual(['b']);
  });

  it('should sort and page when asked', () => {
    expect(ids({ sort: 'amount' })).toEqual(['b', 'c', 'a']);
    const second = pageQueue(items, query({ sort: 'amount', pageSize: 2, page: 1 }), NOW);
    expect(second.items.map((c) => c.id)).toEqual(['a']);
    expect(second).toMatchObject({ total: 3, queued: 3 });
    expect(pageQueue(items, query({ q: 'blue' }), NOW)).toMatchObject({ total: 1, queued: 3 });
  });

  it('should offer the filter values of the whole queue when a filter narrows the page', () => {
    expect(pageQueue(items, query({ q: 'blue' }), NOW).choices).toEqual({
      grades: ['A', 'C', 'not scored'],
      ruleHits: ['R1', 'R2'],
      assignees: ['officer1', '—'],
    });
  });

  it('should refuse an unknown sort when the query is parsed', () => {
    expect(queueQuerySchema.safeParse({ sort: 'name' }).success).toBe(false);
  });
});

describe(slaStateOf.name, () => {
  it('should be amber in the last quarter of the window and red once over', () => {
    expect(slaStateOf(item({ createdAt: minutes(-60), slaDeadline: minutes(60) }), NOW)).toBe('ok');
    expect(slaStateOf(item({ createdAt: minutes(-100), slaDeadline: minutes(10) }), NOW)).toBe('amber');
    expect(slaStateOf(item({ slaDeadline: minutes(-1) }), NOW)).toBe('red');
  });
});
