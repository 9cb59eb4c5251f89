import type { AccountingSelection } from '@loanmesh/contracts';

import {
  FOR_DECISION_IDS_LIMIT,
  type IngestionAccountingParts,
  ingestionAccountingOf,
  NAMED_IDS_LIMIT,
} from './ingestion-accounting.calculator';

const run: AccountingSelection = { kind: 'run', run: 5 };

function parts(overrides: Partial<IngestionAccountingParts> = {}): IngestionAccountingParts {
  return {
    received: { received: 5, stored: 4, history: 1 },
    parked: { count: 1, ids: ['a4'] },
    deadLettered: { records: 3, only: 2 },
    receivedIds: [
      { applicationId: 'a0', history: false },
      { applicationId: 'a1', history: true },
      { applicationId: 'a2', history: false },
      { applicationId: 'a3', history: false },
      { applicationId: 'a4', history: false },
    ],
    ...overrides,
  };
}

describe(ingestionAccountingOf.name, () => {
  it('should send on for decision what is neither parked nor history when everything is named', () => {
    const a = ingestionAccountingOf(run, parts());

    expect(a).toEqual({
      selection: { run: 5 },
      received: 5,
      stored: 4,
      parked: 1,
      history: 1,
      forDecision: 3,
      deadLettered: 2,
      deadLetterRecords: 3,
      sent: 7,
      parkedIds: ['a4'],
      forDecisionIds: ['a0', 'a2', 'a3'],
    });
  });

  it('should name no ids for decision when the received ids were too many to list', () => {
    const a = ingestionAccountingOf(run, parts({ receivedIds: null }));

    expect(a.forDecisionIds).toBeNull();
    expect(a.forDecision).toBe(3);
  });

  it('should name no ids for decision when the parked list is cut short', () => {
    const a = ingestionAccountingOf(run, parts({ parked: { count: FOR_DECISION_IDS_LIMIT + 1, ids: ['a4'] } }));

    expect(a.forDecisionIds).toBeNull();
  });

  it('should not name the parked applications when there are more than the limit', () => {
    const ids = Array.from({ length: NAMED_IDS_LIMIT + 1 }, (_, i) => `p${i}`);

    const a = ingestionAccountingOf(run, parts({ parked: { count: ids.length, ids }, receivedIds: null }));

    expect(a.parkedIds).toBeNull();
    expect(a.parked).toBe(NAMED_IDS_LIMIT + 1);
  });

  it('should echo a window as ISO instants when the selection is a window', () => {
    const window: AccountingSelection = { kind: 'window', from: new Date(0), to: new Date(1000) };

    expect(ingestionAccountingOf(window, parts()).selection).toEqual({
      from: '1970-01-01T00:00:00.000Z',
      to: '1970-01-01T00:00:01.000Z',
    });
  });
});
