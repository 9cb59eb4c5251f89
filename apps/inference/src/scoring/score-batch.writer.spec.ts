import type { DataSource, EntityManager } from 'typeorm';

import {
  classifyClaims,
  EventIdConflictException,
  type InboxEntry,
  inboxKey,
  type InboxService,
  type OutboxRelayService,
  type OutboxWriter,
} from '@loanmesh/database';

import { ScoreBatchWriter, type ScoreWrite } from './score-batch.writer';
import type { ScoreRecord } from './scored-application.repository';

function write(eventId: string, digest = `digest-of-${eventId}`): ScoreWrite {
  const record = {
    eventId,
    applicationId: eventId,
    degraded: false,
    degradedReasons: [],
    scoredAt: new Date(),
    scores: [],
  };
  return {
    inbox: { source: 'graph', eventId, digest },
    record,
    message: { topic: 't', key: eventId, payload: { eventId } },
  };
}

describe(ScoreBatchWriter.name, () => {
  let transactions: number;
  let seen: Map<string, string>;
  let stored: ScoreRecord[];
  let failNext: boolean;
  let sut: ScoreBatchWriter;

  beforeEach(() => {
    transactions = 0;
    seen = new Map([[inboxKey('graph', 'old'), 'digest-of-old']]);
    stored = [];
    failNext = false;
    const manager = {} as EntityManager;
    const dataSource = {
      transaction: async <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => {
        transactions++;
        await new Promise((r) => setTimeout(r, 5));
        if (failNext) {
          failNext = false;
          throw new Error('database down');
        }
        return work(manager);
      },
    } as unknown as DataSource;
    // Records the first entry of each new key, as the real claim statement does.
    const inbox = {
      claim: (_m: EntityManager, consumer: string, entries: InboxEntry[]) => {
        const before = new Map(seen);
        const inserted = new Set<string>();
        for (const e of entries) {
          const key = inboxKey(e.source, e.eventId);
          if (!seen.has(key)) {
            seen.set(key, e.digest);
            inserted.add(key);
          }
        }
        return Promise.resolve(classifyClaims(consumer, entries, inserted, before));
      },
    } as unknown as InboxService;
    const scores = {
      insertMany: (_m: EntityManager, records: ScoreRecord[]) => {
        stored.push(...records);
        return Promise.resolve();
      },
    };
    const outbox = { write: () => Promise.resolve() } as unknown as OutboxWriter;
    const relay = { wake: jest.fn() } as unknown as OutboxRelayService;
    sut = new ScoreBatchWriter(dataSource, inbox, outbox, relay, scores);
  });

  it('should commit messages together in the next transaction when they arrive during a commit', async () => {
    const first = sut.write(write('a'));
    const rest = ['b', 'c', 'd'].map((id) => sut.write(write(id)));

    await expect(Promise.all([first, ...rest])).resolves.toEqual(['fresh', 'fresh', 'fresh', 'fresh']);

    expect(transactions).toBe(2);
    expect(stored.map((r) => r.eventId)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('should report a duplicate and store nothing when the event id was already applied', async () => {
    await expect(sut.write(write('old'))).resolves.toBe('duplicate');

    expect(stored).toEqual([]);
  });

  it('should return the conflict and store nothing when the event id was applied with other content', async () => {
    await expect(sut.write(write('old', 'other content'))).resolves.toBeInstanceOf(EventIdConflictException);

    expect(stored).toEqual([]);
  });

  it('should store one copy when the same event is in one batch twice', async () => {
    const results = await Promise.all([sut.write(write('a')), sut.write(write('x')), sut.write(write('x'))]);

    expect(results).toEqual(['fresh', 'fresh', 'duplicate']);
    expect(stored.map((r) => r.eventId)).toEqual(['a', 'x']);
  });

  it('should reject every message of a batch when its transaction fails', async () => {
    failNext = true;

    await expect(sut.write(write('a'))).rejects.toThrow('database down');
    await expect(sut.write(write('a'))).resolves.toBe('fresh');
  });
});
