import type { AccountingSelection, IngestionAccounting } from '@loanmesh/contracts';

import { applicationAccountingOf, NAMED_IN_FLIGHT, TOP_REASONS } from './application-accounting.calculator';
import type { DecisionTallyRow } from './decision-accounting.repository';

const run: AccountingSelection = { kind: 'run', run: 9 };

function ingestion(overrides: Partial<IngestionAccounting> = {}): IngestionAccounting {
  return {
    selection: { run: 9 },
    received: 9,
    stored: 8,
    parked: 1,
    history: 1,
    forDecision: 7,
    deadLettered: 1,
    deadLetterRecords: 2,
    sent: 10,
    parkedIds: ['p'],
    forDecisionIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
    ...overrides,
  };
}

const tally: DecisionTallyRow[] = [
  { category: 'AUTOMATIC', reason: 'NONE', count: 1 },
  { category: 'AUTOMATIC', reason: 'KO_PUBLIC_RECORD', count: 1 },
  { category: 'REFERRED', reason: 'SCORE_GREY_ZONE', count: 1 },
  { category: 'REFERRED', reason: 'GRAPH_GUARANTEE_CIRCLE', count: 1 },
  { category: 'DEGRADED', reason: 'DEGRADED_SCORE', count: 1 },
  { category: 'EXPIRED', reason: 'MISSING_COMPANY_DATA', count: 1 },
];
const decided = new Set(['a', 'b', 'c', 'd', 'e', 'f']);

describe(applicationAccountingOf.name, () => {
  it('should balance when every application sent is decided, parked, dead-lettered, history or in flight', () => {
    const a = applicationAccountingOf(run, ingestion(), tally, decided);

    expect(a).toMatchObject({
      sent: 10,
      decidedAutomatically: 2,
      referred: 2,
      degraded: 1,
      expired: 1,
      parked: 1,
      deadLettered: 1,
      inFlight: 1,
      history: 1,
      accountedFor: 10,
      balanced: true,
      inFlightIds: ['g'],
      parkedIds: ['p'],
    });
  });

  it('should count in flight by id and not balance when review counts a decision ingestion did not send on', () => {
    const extra: DecisionTallyRow[] = [...tally, { category: 'AUTOMATIC', reason: 'NONE', count: 1 }];

    const a = applicationAccountingOf(run, ingestion(), extra, decided);

    expect(a).toMatchObject({ inFlight: 1, accountedFor: 11, balanced: false });
  });

  it('should take in flight as the difference of the counts when ingestion names no ids', () => {
    const a = applicationAccountingOf(run, ingestion({ forDecisionIds: null }), tally, null);

    expect(a).toMatchObject({ inFlight: 1, balanced: true, inFlightIds: null });
  });

  it('should not balance and never count a negative in flight when review decided more than was sent on', () => {
    const a = applicationAccountingOf(run, ingestion({ forDecisionIds: null, forDecision: 4 }), tally, null);

    expect(a).toMatchObject({ inFlight: 0, accountedFor: 9, balanced: false });
  });

  it('should list referral reasons most frequent first and keep only the top ones when there are many', () => {
    const many: DecisionTallyRow[] = Array.from({ length: TOP_REASONS + 2 }, (_, i) => ({
      category: 'REFERRED',
      reason: `R${String(i).padStart(2, '0')}`,
      count: i === 5 ? 10 : 1,
    }));

    const a = applicationAccountingOf(run, ingestion({ forDecisionIds: null, forDecision: 100 }), many, null);

    expect(a.referredByReason).toHaveLength(TOP_REASONS);
    expect(a.referredByReason[0]).toEqual({ code: 'R05', count: 10 });
    expect(a.referredByReason[1]).toEqual({ code: 'R00', count: 1 });
    expect(a.referred).toBe(TOP_REASONS + 11);
  });

  it('should not name the applications in flight when there are too many', () => {
    const ids = Array.from({ length: NAMED_IN_FLIGHT + 1 }, (_, i) => `x${i}`);

    const a = applicationAccountingOf(
      run,
      ingestion({ forDecisionIds: ids, forDecision: ids.length, sent: ids.length + 3 }),
      [],
      new Set(),
    );

    expect(a).toMatchObject({ inFlight: NAMED_IN_FLIGHT + 1, inFlightIds: null, balanced: true });
  });

  it('should answer zeros and balance when nothing was sent', () => {
    const none = ingestion({
      received: 0,
      stored: 0,
      parked: 0,
      history: 0,
      forDecision: 0,
      deadLettered: 0,
      deadLetterRecords: 0,
      sent: 0,
      parkedIds: [],
      forDecisionIds: [],
    });

    expect(applicationAccountingOf(run, none, [], new Set())).toMatchObject({
      sent: 0,
      accountedFor: 0,
      inFlight: 0,
      balanced: true,
      inFlightIds: [],
    });
  });
});
