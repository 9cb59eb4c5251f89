import type { ApplicationAccounting } from '@loanmesh/contracts';

import { accountingLines, decidedCount, NAMED_IDS, progressLine, runBalances } from './accounting-summary';

function accounting(overrides: Partial<ApplicationAccounting> = {}): ApplicationAccounting {
  return {
    selection: { run: 7 },
    sent: 300,
    decidedAutomatically: 200,
    referred: 80,
    referredByReason: [
      { code: 'SCORE_GREY_ZONE', count: 50 },
      { code: 'GRAPH_GUARANTEE_CIRCLE', count: 30 },
    ],
    degraded: 10,
    expired: 0,
    parked: 5,
    deadLettered: 0,
    inFlight: 5,
    history: 0,
    accountedFor: 300,
    balanced: true,
    parkedIds: ['AP-L7-00000011', 'AP-L7-00000012', 'AP-L7-00000013', 'AP-L7-00000014', 'AP-L7-00000015'],
    inFlightIds: ['AP-L7-00000021', 'AP-L7-00000022', 'AP-L7-00000023', 'AP-L7-00000024', 'AP-L7-00000025'],
    ingestion: { received: 300, stored: 295, deadLetterRecords: 0 },
    ...overrides,
  };
}

describe(accountingLines.name, () => {
  it('should print every figure and name the parked and in-flight applications when they are few', () => {
    const lines = accountingLines(accounting(), 300);

    expect(lines).toEqual([
      'accounting           : sent 300, decided automatically 200, referred 80, degraded 10, parked 5, dead-lettered 0, in flight 5',
      '                       300 of 300 accounted for; the feed published 300',
      'referral reasons     : SCORE_GREY_ZONE 50, GRAPH_GUARANTEE_CIRCLE 30',
      'parked at ingestion  : AP-L7-00000011, AP-L7-00000012, AP-L7-00000013, AP-L7-00000014, AP-L7-00000015 (waiting for their company)',
      'still in flight      : AP-L7-00000021, AP-L7-00000022, AP-L7-00000023, AP-L7-00000024, AP-L7-00000025 (received, not yet decided)',
    ]);
  });

  it('should give only the count when there are more ids than it names', () => {
    const ids = Array.from({ length: NAMED_IDS + 1 }, (_, i) => `AP-L7-${i}`);

    const lines = accountingLines(accounting({ inFlight: ids.length, inFlightIds: ids, parkedIds: null }), 300);

    expect(lines).toContain(
      `still in flight      : ${NAMED_IDS + 1} (received, not yet decided; too many to name here)`,
    );
    expect(lines).toContain('parked at ingestion  : 5 (waiting for their company; too many to name here)');
  });

  it('should show expired, history, an unbalanced sum and what never reached ingestion when there are some', () => {
    const lines = accountingLines(
      accounting({ sent: 298, expired: 2, history: 1, accountedFor: 290, balanced: false, inFlight: 0, parked: 0 }),
      300,
    );

    expect(lines[0]).toContain('expired (missing company data) 2');
    expect(lines[0]).toContain('history 1');
    expect(lines[1]).toBe('                       290 of 298 accounted for (NOT balanced); the feed published 300');
    expect(lines).toContain('not received         : 2 published by the feed never reached ingestion');
    expect(lines.some((l) => l.startsWith('parked') || l.startsWith('still'))).toBe(false);
  });
});

describe(runBalances.name, () => {
  it('should balance when everything published is accounted for and nothing is in flight', () => {
    expect(runBalances(accounting({ inFlight: 0, inFlightIds: [] }), 300)).toBe(true);
  });

  it.each([
    ['something is in flight', accounting(), 300],
    ['the sum differs from what was sent', accounting({ inFlight: 0, balanced: false }), 300],
    ['ingestion received less than the feed published', accounting({ inFlight: 0 }), 301],
  ])('should not balance when %s', (_what: string, a: ApplicationAccounting, published: number) => {
    expect(runBalances(a, published)).toBe(false);
  });
});

describe(progressLine.name, () => {
  it('should show received against published, decided, parked and in flight', () => {
    expect(progressLine(accounting(), 300)).toBe('[demo] received 300/300, decided 290, parked 5, in flight 5   ');
    expect(decidedCount(accounting({ expired: 3 }))).toBe(293);
  });
});
