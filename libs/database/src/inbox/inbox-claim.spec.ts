import { EventIdConflictException } from './event-id-conflict.exception';
import { classifyClaims, type InboxEntry, inboxEntryOf, inboxKey, storedDigests } from './inbox-claim';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

function entry(overrides: Partial<InboxEntry> = {}): InboxEntry {
  return { source: 'core-banking', eventId: 'e1', digest: A, ...overrides };
}

const keyOf = (e: InboxEntry): string => inboxKey(e.source, e.eventId);

describe(classifyClaims.name, () => {
  it('should call an entry fresh when the claim recorded it', () => {
    const e = entry();

    expect(classifyClaims('c', [e], new Set([keyOf(e)]), new Map())).toEqual(['fresh']);
  });

  it('should call an entry a duplicate when the stored digest is the same', () => {
    const e = entry();

    expect(classifyClaims('c', [e], new Set(), new Map([[keyOf(e), A]]))).toEqual(['duplicate']);
  });

  it('should return a conflict naming source, id and both digests when the stored digest differs', () => {
    const e = entry({ digest: B });

    const [verdict] = classifyClaims('ingestion', [e], new Set(), new Map([[keyOf(e), A]]));

    expect(verdict).toBeInstanceOf(EventIdConflictException);
    const conflict = verdict as EventIdConflictException;
    expect(conflict.code).toBe('EVENT_ID_CONFLICT');
    expect(conflict.kind).toBe('CONFLICT');
    expect(conflict.message).toContain("event id e1 from source 'core-banking'");
    expect(conflict.message).toContain(`applied digest ${A.slice(0, 12)}, this digest ${B.slice(0, 12)}`);
    expect(conflict.message).not.toContain(A.slice(0, 13));
  });

  it('should compare later copies in a batch with the first when the key is new', () => {
    const first = entry();
    const same = entry();
    const other = entry({ digest: B });

    const verdicts = classifyClaims('c', [first, same, other], new Set([keyOf(first)]), new Map());

    expect(verdicts.slice(0, 2)).toEqual(['fresh', 'duplicate']);
    expect(verdicts[2]).toBeInstanceOf(EventIdConflictException);
  });

  it('should compare every copy in a batch with the stored content when the key was stored before', () => {
    const conflicting = entry({ digest: B });
    const same = entry();

    const verdicts = classifyClaims('c', [conflicting, same, conflicting], new Set(), new Map([[keyOf(same), A]]));

    expect(verdicts[0]).toBeInstanceOf(EventIdConflictException);
    expect(verdicts[1]).toBe('duplicate');
    expect(verdicts[2]).toBeInstanceOf(EventIdConflictException);
  });

  it('should treat the same id from two sources as two events when both are recorded', () => {
    const core = entry();
    const other = entry({ source: 'card-system', digest: B });

    expect(classifyClaims('c', [core, other], new Set([keyOf(core), keyOf(other)]), new Map())).toEqual([
      'fresh',
      'fresh',
    ]);
  });

  it('should call any content a duplicate when only a legacy row without digest holds the id', () => {
    const e = entry({ digest: B });
    const stored = storedDigests([e], [{ source: '', event_id: 'e1', digest: null }]);

    expect(classifyClaims('c', [e, entry()], new Set(), stored)).toEqual(['duplicate', 'duplicate']);
  });

  it('should fail loudly when an entry was neither recorded nor found', () => {
    expect(() => classifyClaims('c', [entry()], new Set(), new Map())).toThrow('neither recorded nor found');
  });
});

describe(storedDigests.name, () => {
  it('should prefer the row of the entry source over a legacy row when both exist', () => {
    const e = entry();

    const stored = storedDigests(
      [e, entry({ source: 'other' })],
      [
        { source: 'core-banking', event_id: 'e1', digest: A },
        { source: '', event_id: 'e1', digest: null },
      ],
    );

    expect(stored).toEqual(
      new Map([
        [keyOf(e), A],
        [inboxKey('other', 'e1'), null],
      ]),
    );
  });
});

describe(inboxEntryOf.name, () => {
  it('should digest the given content instead of the event when the consumer keeps another form', () => {
    const event = { source: 's', eventId: 'e', payload: { phone: '020 7946 0018' } };
    const tokenized = { source: 's', eventId: 'e', payload: { phoneToken: 'x' } };

    expect(inboxEntryOf(event, tokenized)).toEqual(inboxEntryOf(tokenized));
    expect(inboxEntryOf(event).digest).not.toBe(inboxEntryOf(tokenized).digest);
  });
});
