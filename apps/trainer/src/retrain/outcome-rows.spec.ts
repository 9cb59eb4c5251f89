import type { TrainingOutcomeRow } from '@loanmesh/contracts';
import { SyntheticHistoryFactory } from '@loanmesh/features';

import type { LoadedHistory } from '../world/history.loader';
import { splitOutcomes, vectorOf, withoutApplications } from './outcome-rows';

const row = (applicationId: string, scoredAt: string, modelVersion = 'world-gbm-graph:v1'): TrainingOutcomeRow => ({
  applicationId,
  defaulted: false,
  scoredAt,
  modelVersion,
  probabilityOfDefault: 0.1,
  reasonCodes: [],
  features: { a: 1, b: null },
});

const history = (): LoadedHistory => {
  const rows = new SyntheticHistoryFactory(3).rows(6);
  return { parts: { train: rows.slice(0, 4), validation: rows.slice(4, 5), test: rows.slice(5) }, fingerprint: 'f' };
};

describe(splitOutcomes.name, () => {
  it('should hold out the newest champion-scored outcomes and append only those the history lacks', () => {
    const rows = [
      row('n1', '2026-01-01T00:00:00.000Z'),
      row('n2', '2026-01-02T00:00:00.000Z'),
      row('n3', '2026-01-03T00:00:00.000Z'),
      row('n4', '2026-01-04T00:00:00.000Z'),
      row('old', '2026-01-05T00:00:00.000Z', 'world-gbm-graph:v0'),
      row('app-0', '2025-12-01T00:00:00.000Z'),
    ];

    const split = splitOutcomes({ champion: 'world-gbm-graph:v1', rows }, history(), 0.5);

    expect(split.holdout.map((r) => r.applicationId)).toEqual(['n2', 'n3', 'n4']);
    expect(split.train.map((r) => r.applicationId)).toEqual(['n1', 'old']);
  });
});

describe(withoutApplications.name, () => {
  it('should drop held-out applications from every part of the history', () => {
    const h = withoutApplications(history(), new Set(['app-0', 'app-5']));

    expect(h.parts.train.map((r) => r.applicationId)).toEqual(['app-1', 'app-2', 'app-3']);
    expect(h.parts.test).toHaveLength(0);
  });
});

describe(vectorOf.name, () => {
  it('should give NaN for a missing value or feature when building the served vector', () => {
    expect(Array.from(vectorOf(row('x', '2026-01-01T00:00:00.000Z'), ['a', 'b', 'c']))).toEqual([1, NaN, NaN]);
  });
});
