import type { DataSource } from 'typeorm';

import { MetricsService } from '@loanmesh/observability';

import { DecisionEntity } from '../decisions/decision.entity';
import type { GraphClient } from '../graph/graph.client';
import type { InferenceClient } from '../replay/inference.client';
import { WatchlistEntryEntity } from './watchlist-entry.entity';
import { WatchlistRescorer } from './watchlist.rescorer';

const entry = (overrides: Partial<WatchlistEntryEntity> = {}): WatchlistEntryEntity =>
  Object.assign(new WatchlistEntryEntity(), {
    id: '7',
    alertId: 'D:2023-03-01:L1',
    loanId: 'L1',
    applicationId: 'A1',
    defaultedAt: '2023-03-01',
    oldPd: 0.04,
    newPd: null,
    rescoreStatus: 'PENDING',
    ...overrides,
  });

const decision = {
  applicationId: 'A1',
  content: {
    modelVersion: 'gbm:v3',
    modelSha256: 'a'.repeat(64),
    scored: {
      featureNames: ['current_ratio', 'graph_defaultedNeighbourShare', 'graph_missing'],
      featureVector: [1.5, 0, 0],
    },
  },
};

/** Both tables in memory, as the rescorer reaches them through the DataSource. */
function fakeDataSource(entries: WatchlistEntryEntity[], decisions: object[]) {
  const updates: Partial<WatchlistEntryEntity>[] = [];
  const ds = {
    getRepository: (entity: unknown) =>
      entity === WatchlistEntryEntity
        ? {
            findBy: () => Promise.resolve(entries),
            update: (_: unknown, values: Partial<WatchlistEntryEntity>) => {
              updates.push(values);
              return Promise.resolve();
            },
          }
        : entity === DecisionEntity
          ? { findOne: () => Promise.resolve(decisions[0] ?? null) }
          : undefined,
  };
  return { ds: ds as unknown as DataSource, updates };
}

describe(WatchlistRescorer.name, () => {
  const graphAsked: string[] = [];
  const replayed: unknown[] = [];
  const graph = {
    get: (path: string) => {
      graphAsked.push(path);
      return Promise.resolve({ features: { defaultedNeighbourShare: 0.5 } });
    },
  } as unknown as GraphClient;
  const inference = {
    post: (_: string, body: unknown) => {
      replayed.push(body);
      return Promise.resolve({ probabilityOfDefault: 0.11, registeredSha256: 'a'.repeat(64) });
    },
  } as unknown as InferenceClient;

  beforeEach(() => {
    graphAsked.length = 0;
    replayed.length = 0;
  });

  it('should re-score with the decided model on the graph as of the default day and store the new PD', async () => {
    const { ds, updates } = fakeDataSource([entry()], [decision]);
    const sut = new WatchlistRescorer(ds, graph, inference, new MetricsService());

    sut.schedule(['7']);
    await sut.idle();

    expect(graphAsked).toEqual(['/applications/A1/features?asOf=2023-03-01']);
    expect(replayed).toEqual([{ modelVersion: 'gbm:v3', modelSha256: 'a'.repeat(64), featureVector: [1.5, 0.5, 0] }]);
    expect(updates).toEqual([expect.objectContaining({ newPd: 0.11, rescoreStatus: 'DONE', rescoreReason: null })]);
  });

  it('should mark the entry unavailable with the reason when the loan has no application', async () => {
    const { ds, updates } = fakeDataSource([entry({ applicationId: null })], [decision]);
    const sut = new WatchlistRescorer(ds, graph, inference, new MetricsService());

    sut.schedule(['7']);
    await sut.idle();

    expect(graphAsked).toEqual([]);
    expect(updates).toEqual([expect.objectContaining({ newPd: null, rescoreStatus: 'UNAVAILABLE' })]);
    expect(updates[0]?.rescoreReason).toContain('no application');
  });

  it('should mark the entry unavailable when the graph service is away', async () => {
    const { ds, updates } = fakeDataSource([entry()], [decision]);
    const away = { get: () => Promise.reject(new Error('graph unavailable: ECONNREFUSED')) } as unknown as GraphClient;
    const sut = new WatchlistRescorer(ds, away, inference, new MetricsService());

    sut.schedule(['7']);
    await sut.idle();

    expect(replayed).toEqual([]);
    expect(updates).toEqual([
      expect.objectContaining({ rescoreStatus: 'UNAVAILABLE', rescoreReason: 'graph unavailable: ECONNREFUSED' }),
    ]);
  });
});
